// The bank holidays that ship with the product (2024–2028). An admin's upload replaces them at run time.
import data from './bank-holidays.json'
import type { BankHolidaysFile } from './working-days'

export const DEFAULT_BANK_HOLIDAYS = data as unknown as BankHolidaysFile
