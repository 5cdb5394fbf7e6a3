import { describe, expect, it } from 'vitest'
import { csvRecords, decodeUtf8, describeProblem, MAX_ACTUALS_ROWS, MAX_PROBLEMS_LISTED, parseActualsCsv, type ActualsContext } from './upload'

const ctx: ActualsContext = {
  helplines: [
    { id: 'h-sa', name: 'Self Assessment helpline' },
    { id: 'h-pay', name: 'Payment Support Service' },
  ],
  window: { first: '2027-03-01', last: '2027-04-30' },
  today: '2027-04-10',
}

const parse = (text: string) => parseActualsCsv(text, ctx)
const problems = (text: string) => {
  const result = parse(text)
  if (result.ok) throw new Error('expected problems')
  return result.problems.map(describeProblem)
}

describe('reading a file of actual calls', () => {
  it('reads rows by helpline name (any case and spacing) or id, with CRLF, a BOM-free text and a trailing blank line', () => {
    const result = parse('date,helpline,calls\r\n2027-03-04,Self Assessment helpline,1200\r\n2027-03-04,  payment   SUPPORT service ,80\r\n2027-03-05,h-sa,0\r\n\r\n')
    expect(result).toEqual({
      ok: true,
      rows: [
        { date: '2027-03-04', helplineId: 'h-sa', calls: 1200, line: 2 },
        { date: '2027-03-04', helplineId: 'h-pay', calls: 80, line: 3 },
        { date: '2027-03-05', helplineId: 'h-sa', calls: 0, line: 4 },
      ],
    })
  })

  it('accepts column names in any case and quoted values, including a quoted comma', () => {
    const withComma = { ...ctx, helplines: [{ id: 'h-x', name: 'VAT, customs and excise' }] }
    const result = parseActualsCsv('Date,Helpline,Calls\n"2027-03-08","VAT, customs and excise","1,5"\n', withComma)
    expect(result.ok).toBe(false)
    const fixed = parseActualsCsv('Date,Helpline,Calls\n"2027-03-08","VAT, customs and excise","15"\n', withComma)
    expect(fixed).toEqual({ ok: true, rows: [{ date: '2027-03-08', helplineId: 'h-x', calls: 15, line: 2 }] })
  })

  it('names the line and column of every problem in the file', () => {
    expect(
      problems(
        [
          'date,helpline,calls',
          '2027-02-28,Self Assessment helpline,10', // before the first send date
          '2027-05-02,Self Assessment helpline,10', // after today (and the window)
          '03/03/2027,Self Assessment helpline,10', // not ISO
          '2027-02-30,Self Assessment helpline,10', // not a real date
          '2027-03-03,Tax credits,10', // unknown helpline
          '2027-03-03,Self Assessment helpline,-4', // negative
          '2027-03-04,Self Assessment helpline,12.5', // fractional
          '2027-03-05,Self Assessment helpline,lots', // not a number
          '2027-03-06,Self Assessment helpline,', // missing
          '2027-03-07,Self Assessment helpline,10,extra', // too many values
          '2027-03-08,Self Assessment helpline,10',
          '2027-03-08,self assessment helpline,11', // the same day and helpline again
          '2027-03-09,Self Assessment helpline,99999999', // implausible
        ].join('\n'),
      ),
    ).toEqual([
      'Line 2, date: 28 February 2027 is before the campaign’s first send date, 1 March 2027',
      'Line 3, date: 2 May 2027 is in the future: record calls only for days that have happened',
      'Line 4, date: “03/03/2027” is not a real date in the form YYYY-MM-DD, like 2027-03-01',
      'Line 5, date: “2027-02-30” is not a real date in the form YYYY-MM-DD, like 2027-03-01',
      'Line 6, helpline: There is no helpline called “Tax credits”',
      'Line 7, calls: Calls must be 0 or more, not -4',
      'Line 8, calls: Calls must be a whole number, not 12.5',
      'Line 9, calls: “lots” is not a number of calls: enter digits only, like 1250',
      'Line 10, calls: Enter the number of calls, like 1250',
      'Line 11: Expected 3 values (date, helpline and calls) but found 4',
      'Line 13: 8 March 2027 at self assessment helpline is already on line 12',
      'Line 14, calls: Calls must be 10,000,000 or fewer a day',
    ])
  })

  it('refuses a date after the campaign’s calls end even when it has happened', () => {
    expect(problems('date,helpline,calls\n2027-05-03,Self Assessment helpline,5', )).toEqual(['Line 2, date: 3 May 2027 is in the future: record calls only for days that have happened'])
    const later = parseActualsCsv('date,helpline,calls\n2027-05-03,Self Assessment helpline,5', { ...ctx, today: '2027-06-01' })
    expect(later.ok ? [] : later.problems.map(describeProblem)).toEqual(['Line 2, date: 3 May 2027 is after the campaign’s calls end, 30 April 2027'])
  })

  it('refuses the wrong columns, an empty file, a file with no rows and an unclosed quotation mark', () => {
    expect(problems('day,helpline,calls\n2027-03-04,Self Assessment helpline,1')).toEqual(['Line 1: The first line must be the column names date,helpline,calls, not “day,helpline,calls”'])
    expect(problems('date,calls,helpline\n')).toEqual(['Line 1: The first line must be the column names date,helpline,calls, not “date,calls,helpline”'])
    expect(problems('date,helpline\n2027-03-04,Self Assessment helpline')).toHaveLength(1)
    expect(problems('')).toEqual(['The selected file is empty'])
    expect(problems('\n\n ,, \n')).toEqual(['The selected file is empty'])
    expect(problems('date,helpline,calls\n')).toEqual(['The file has no calls: add a line for each day and helpline under date,helpline,calls'])
    expect(problems('date,helpline,calls\n2027-03-04,"Self Assessment helpline,1\n')).toEqual(['Line 2: A quotation mark opens a value that is never closed'])
  })

  it('lists the first 100 problems and says where checking stopped', () => {
    const lines = ['date,helpline,calls', ...Array.from({ length: 250 }, () => 'x,y,z')]
    const result = parse(lines.join('\n'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    // Three problems a line: lines 2 to 34 give 99, line 35 gives three more, of which one is listed.
    expect(result.problems).toHaveLength(MAX_PROBLEMS_LISTED)
    expect(result.stoppedAtLine).toBe(35)
    expect(describeProblem(result.problems[0]!)).toBe('Line 2, date: “x” is not a real date in the form YYYY-MM-DD, like 2027-03-01')
    // Exactly 100 problems, with lines left over: checking stopped at the first line not checked.
    const hundred = parse(['date,helpline,calls', ...Array.from({ length: 100 }, () => '2027-03-04,Self Assessment helpline,-1'), '2027-03-05,Self Assessment helpline,-1'].join('\n'))
    expect(hundred.ok || [hundred.problems.length, hundred.stoppedAtLine]).toEqual([100, 102])
    // Every line checked: nowhere to say it stopped.
    const few = parse(['date,helpline,calls', 'x,y,z'].join('\n'))
    expect(few.ok || few.stoppedAtLine).toBeNull()
  })

  it('stops reading a file of more lines than may be uploaded, before checking any', () => {
    const many = parse(['date,helpline,calls', ...Array.from({ length: MAX_ACTUALS_ROWS + 1 }, () => 'x,y,z')].join('\n'))
    expect(many.ok || many.problems.map(describeProblem)).toEqual(['The file has more than 20,000 lines of calls: upload at most 20,000 at a time'])
    const blank = parse(`date,helpline,calls\n${'\n'.repeat(3 * MAX_ACTUALS_ROWS)}2027-03-04,Self Assessment helpline,1\n`)
    expect(blank.ok).toBe(false)
  })

  // A megabyte of one-character lines used to hold the server for two seconds. The reader stops early, and reads a
  // line without quotation marks with the string's own methods. (Its time is measured in bench/stall.)
  it('reads records the same way through the quick path and the careful one', () => {
    const text = 'a,b,c\r\nd,"e,f",g\n"h\ni",j\rk,,\n,\n"x""y",z'
    expect(csvRecords(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['d', 'e,f', 'g'] },
      { line: 3, cells: ['h\ni', 'j'] },
      { line: 5, cells: ['k', '', ''] },
      { line: 6, cells: ['', ''] },
      { line: 7, cells: ['x"y', 'z'] },
    ])
  })

  it('reads quoted line breaks as part of a value and counts lines from where each record starts', () => {
    expect(csvRecords('a,"b\nc",d\ne,f,g')).toEqual([
      { line: 1, cells: ['a', 'b\nc', 'd'] },
      { line: 3, cells: ['e', 'f', 'g'] },
    ])
    expect(csvRecords('"x""y",z')).toEqual([{ line: 1, cells: ['x"y', 'z'] }])
  })
})

describe('decoding', () => {
  it('reads UTF-8, dropping a byte-order mark', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFdate,helpline,calls\n'))).toEqual({ ok: true, text: 'date,helpline,calls\n' })
  })

  it('refuses text that is not UTF-8 and names the first line that is not', () => {
    // "Café" in Windows-1252 on line 3.
    const bytes = Uint8Array.from([...new TextEncoder().encode('date,helpline,calls\n2027-03-04,Sa,1\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a])
    expect(decodeUtf8(bytes)).toEqual({ ok: false, line: 3 })
    expect(decodeUtf8(Uint8Array.from([0xff, 0xfe, 0x00]))).toEqual({ ok: false, line: 1 })
  })
})
