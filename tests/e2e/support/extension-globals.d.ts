/** The slice of the extension API that tests call inside extension pages and workers. */
declare const chrome: {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
  };
};
