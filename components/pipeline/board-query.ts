/** Cards per column on the first load (shared by the page's prefetch and the board). */
export const BOARD_PAGE_SIZE = 20;
