export { cx, errorId, hintId, joinIds } from './shared'
export type { Attributes, FormGroupOptions, GroupFormGroupOptions, TextOptions } from './shared'

export { BackLink, type BackLinkProps } from './BackLink'
export { Breadcrumbs, type BreadcrumbsItem, type BreadcrumbsProps } from './Breadcrumbs'
export { Button, type ButtonProps } from './Button'
export { CharacterCount, type CharacterCountProps, type PluralisedText } from './CharacterCount'
export { Checkboxes, type CheckboxDivider, type CheckboxItem, type CheckboxesProps } from './Checkboxes'
export { DateInput, type DateInputItem, type DateInputPart, type DateInputProps } from './DateInput'
export { Details, type DetailsProps } from './Details'
export { ErrorMessage, type ErrorMessageProps } from './ErrorMessage'
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './ErrorSummary'
export { Fieldset, type FieldsetOptions, type FieldsetProps, type LegendOptions } from './Fieldset'
export { FileUpload, type FileUploadProps } from './FileUpload'
export { Footer, type FooterLink, type FooterNavigationSection, type FooterProps } from './Footer'
export { Header, type HeaderProps } from './Header'
export { Hint, type HintProps } from './Hint'
export { Input, type InputProps, type InputWidth } from './Input'
export { InsetText, type InsetTextProps } from './InsetText'
export { Label, type LabelOptions, type LabelProps } from './Label'
export { NotificationBanner, type NotificationBannerProps } from './NotificationBanner'
export { Pagination, type PaginationItem, type PaginationLink, type PaginationProps } from './Pagination'
export { Panel, type PanelAction, type PanelProps } from './Panel'
export { PasswordInput, type PasswordInputProps } from './PasswordInput'
export { PhaseBanner, type PhaseBannerProps } from './PhaseBanner'
export { Radios, type RadioDivider, type RadioItem, type RadiosProps } from './Radios'
export { Select, type SelectItem, type SelectProps } from './Select'
export {
  ServiceNavigation,
  type ServiceNavigationItem,
  type ServiceNavigationProps,
} from './ServiceNavigation'
export { SkipLink, type SkipLinkProps } from './SkipLink'
export {
  SummaryList,
  type SummaryCardOptions,
  type SummaryListAction,
  type SummaryListActions,
  type SummaryListProps,
  type SummaryListRow,
} from './SummaryList'
export { Table, type TableCell, type TableProps } from './Table'
export { Tabs, type TabsItem, type TabsProps } from './Tabs'
export { Tag, type TagColour, type TagProps } from './Tag'
export { TaskList, type TaskListItem, type TaskListProps, type TaskListStatus } from './TaskList'
export { Textarea, type TextareaProps } from './Textarea'
export { WarningText, type WarningTextProps } from './WarningText'
