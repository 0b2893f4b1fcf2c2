/**
 * How much of a spreadsheet the server agrees to read, checked while reading (not after): a file
 * past any of these is refused before it can hold the event loop or the memory (issue #11).
 * Generous for real documents (the whole national register is ~11,000 rows of ~10 columns).
 */

/** Rows of the first sheet (spreadsheet line numbers, blank lines included). */
export const MAX_SHEET_ROWS = 200_000;
/** Columns holding a value; trailing empty cells (a CSV's `;;;;`, a styled empty cell) do not count. */
export const MAX_SHEET_COLUMNS = 200;
/** Characters in one cell: a unit name or a title line, not a document. */
export const MAX_CELL_CHARS = 1_000;
/**
 * A CSV line longer than this cannot fit MAX_SHEET_COLUMNS cells of MAX_CELL_CHARS (quotes doubled):
 * refused by a plain scan before the CSV parser splits it into millions of fields.
 */
export const MAX_CSV_LINE_CHARS = MAX_SHEET_COLUMNS * (2 * MAX_CELL_CHARS + 3);

/** XLSX (a zip): all entries together, uncompressed, as the central directory declares them. */
export const MAX_ARCHIVE_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Uncompressed / compressed over the whole archive; real workbooks stay near 10:1. */
export const MAX_ARCHIVE_RATIO = 100;
/** The ratio is only suspicious once there is something to inflate (tiny files compress oddly). */
export const ARCHIVE_RATIO_FLOOR_BYTES = 1024 * 1024;
/** Entries in the archive: a workbook has a dozen parts, a few hundred with images. */
export const MAX_ARCHIVE_ENTRIES = 500;

/** A parse that runs longer is stopped (worker terminated) and the file refused. */
export const READ_TIME_BUDGET_MS = 20_000;
/** The reading worker's V8 heap; past it the worker dies and the file is refused. */
export const READ_WORKER_HEAP_MB = 256;
/** Files read at the same time (each in its own worker); more wait their turn. */
export const MAX_PARALLEL_READS = 2;
