import { describe, expect, it } from 'vitest'
import {
  BYTES_DECODED_PER_SLICE,
  csvRecords,
  decodeUtf8,
  decodeUtf8InSlices,
  describeProblem,
  LINES_CHECKED_PER_SLICE,
  MAX_ACTUALS_ROWS,
  MAX_PROBLEMS_LISTED,
  parseActualsCsv,
  parseActualsCsvInSlices,
  type ActualsContext,
} from './upload'

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

describe('reading in slices, with pauses between them', () => {
  /** A pause that only counts how often the reader asked for one. */
  function countingPause() {
    const pause = async () => {
      pause.count++
    }
    pause.count = 0
    return pause
  }

  // Ten thousand days and two helplines: the most lines a file may have, every one of them good.
  const wide: ActualsContext = { ...ctx, window: { first: '2000-01-01', last: '2030-12-31' }, today: '2030-12-31' }
  const days = Array.from({ length: MAX_ACTUALS_ROWS / 2 }, (_, i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10))
  const fullFile = ['date,helpline,calls', ...days.flatMap((day) => [`${day},Self Assessment helpline,1200`, `${day},h-pay,${days.indexOf(day) % 500}`])].join('\n')

  it('checks a file of 20,000 lines a slice at a time, and finds what reading it straight through finds', async () => {
    const pause = countingPause()
    const sliced = await parseActualsCsvInSlices(fullFile, wide, pause)
    expect(sliced).toEqual(parseActualsCsv(fullFile, wide))
    expect(sliced.ok && sliced.rows.length).toBe(MAX_ACTUALS_ROWS)
    expect(pause.count).toBeGreaterThanOrEqual(MAX_ACTUALS_ROWS / LINES_CHECKED_PER_SLICE)
  })

  it('keeps line numbers, duplicates and the count of problems across slices', async () => {
    // Good lines for several slices, then the same day again, then more bad lines than are listed.
    const lines = ['date,helpline,calls', ...days.slice(0, 3 * LINES_CHECKED_PER_SLICE).map((day) => `${day},Self Assessment helpline,5`), `${days[7]},self assessment helpline,6`, ...Array.from({ length: 150 }, () => `${days[0]},Nowhere,-1`)]
    const text = lines.join('\n')
    const pause = countingPause()
    const sliced = await parseActualsCsvInSlices(text, wide, pause)
    expect(sliced).toEqual(parseActualsCsv(text, wide))
    if (sliced.ok) throw new Error('expected problems')
    const duplicateLine = 3 * LINES_CHECKED_PER_SLICE + 2
    expect(describeProblem(sliced.problems[0]!)).toBe(`Line ${duplicateLine}: 8 January 2000 at self assessment helpline is already on line 9`)
    expect(sliced.problems).toHaveLength(MAX_PROBLEMS_LISTED)
    expect(sliced.stoppedAtLine).toBe(duplicateLine + 50)
    expect(pause.count).toBeGreaterThanOrEqual(3)
  })

  it('refuses a file of too many lines after counting them in slices', async () => {
    const pause = countingPause()
    const many = await parseActualsCsvInSlices(`${fullFile}\n${fullFile}`, wide, pause)
    expect(many.ok || many.problems.map(describeProblem)).toEqual(['The file has more than 20,000 lines of calls: upload at most 20,000 at a time'])
    expect(pause.count).toBeGreaterThanOrEqual(2)
  })

  // Found by probing: every blank line searched on through all the blank lines after it, so 200 KB of line breaks
  // held the server for seconds; and a quoted line was read a character at a time, each added to a growing string.
  it('reads a megabyte of blank lines, or of quoted values on one line, in slices like any other megabyte', async () => {
    const MB = 1024 * 1024
    const blank = countingPause()
    const blankFile = await parseActualsCsvInSlices(`date,helpline,calls\n${'\n'.repeat(MB - 20)}`, ctx, blank)
    expect(blankFile.ok || blankFile.problems.map(describeProblem)).toEqual(['The file has more than 20,000 lines of calls: upload at most 20,000 at a time'])
    expect(blank.count).toBeGreaterThanOrEqual(2)

    const oneLine = countingPause()
    const values = 250_000
    const quoted = await parseActualsCsvInSlices(`date,helpline,calls\n${'"a",'.repeat(values - 1)}"a"\n`, ctx, oneLine)
    expect(quoted.ok || quoted.problems.map(describeProblem)).toEqual([`Line 2: Expected 3 values (date, helpline and calls) but found ${values}`])
    // Read twice, counted and then checked, each pausing every few tens of thousands of values.
    expect(oneLine.count).toBeGreaterThanOrEqual(10)
  })

  it('decodes a character cut in two at the end of a slice, and names the first line that is not UTF-8 in a later slice', async () => {
    // "é" (two bytes) across the first slice's end, "€" (three bytes) across the second's.
    const filler = (n: number) => 'a'.repeat(n)
    const text = `${filler(BYTES_DECODED_PER_SLICE - 1)}é\n${filler(BYTES_DECODED_PER_SLICE - 4)}€\nlast line\n`
    const bytes = new TextEncoder().encode(text)
    expect(bytes[BYTES_DECODED_PER_SLICE - 1]).toBe(0xc3)
    const pause = countingPause()
    expect(await decodeUtf8InSlices(bytes, pause)).toEqual({ ok: true, text })
    expect(pause.count).toBe(Math.ceil(bytes.length / BYTES_DECODED_PER_SLICE) - 1)
    expect(decodeUtf8(bytes)).toEqual({ ok: true, text })

    // "Café" in Windows-1252 on line 3, past the second slice.
    const notUtf8 = Uint8Array.from([...bytes, 0x43, 0x61, 0x66, 0xe9, 0x0a])
    expect(await decodeUtf8InSlices(notUtf8, countingPause())).toEqual({ ok: false, line: 4 })
    expect(decodeUtf8(notUtf8)).toEqual({ ok: false, line: 4 })
  })
})
