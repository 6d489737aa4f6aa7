export declare const INITIAL_ROUTE_BUDGET_BYTES: number;
export declare function measureInitialRoute(distDir: string): {
  files: { url: string; raw: number; gzip: number }[];
  gzipTotal: number;
};
