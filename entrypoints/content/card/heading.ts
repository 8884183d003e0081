/** The card's heading id: the shell labels the dialog with it, the view renders it. */
export const HEADING_ID = 'gloss-card-heading';
