import type { ReactNode } from 'react'
import { cx, type Attributes } from './shared'

export interface TableCell {
  text: ReactNode
  /** "numeric" right-aligns with tabular figures. */
  format?: 'numeric'
  classes?: string
  colspan?: number
  rowspan?: number
  attributes?: Attributes
}

export interface TableProps {
  rows: Array<TableCell[] | null | undefined | false>
  head?: TableCell[]
  caption?: ReactNode
  /** e.g. "govuk-table__caption--m". */
  captionClasses?: string
  /** Renders each row's first cell as `<th scope="row">`. */
  firstCellIsHeader?: boolean
  classes?: string
  attributes?: Attributes
}

export function Table({ rows, head, caption, captionClasses, firstCellIsHeader, classes, attributes }: TableProps) {
  return (
    <table className={cx('govuk-table', classes)} {...attributes}>
      {caption ? <caption className={cx('govuk-table__caption', captionClasses)}>{caption}</caption> : null}
      {head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((item, index) => (
              <th
                key={index}
                scope="col"
                className={cx('govuk-table__header', item.format && `govuk-table__header--${item.format}`, item.classes)}
                colSpan={item.colspan || undefined}
                rowSpan={item.rowspan || undefined}
                {...item.attributes}
              >
                {item.text}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) =>
          row ? (
            <tr key={rowIndex} className="govuk-table__row">
              {row.map((cell, index) =>
                index === 0 && firstCellIsHeader ? (
                  <th
                    key={index}
                    scope="row"
                    className={cx('govuk-table__header', cell.classes)}
                    colSpan={cell.colspan || undefined}
                    rowSpan={cell.rowspan || undefined}
                    {...cell.attributes}
                  >
                    {cell.text}
                  </th>
                ) : (
                  <td
                    key={index}
                    className={cx('govuk-table__cell', cell.format && `govuk-table__cell--${cell.format}`, cell.classes)}
                    colSpan={cell.colspan || undefined}
                    rowSpan={cell.rowspan || undefined}
                    {...cell.attributes}
                  >
                    {cell.text}
                  </td>
                ),
              )}
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  )
}
