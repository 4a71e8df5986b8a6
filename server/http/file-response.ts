/** A download: the browser saves it under the given name (RFC 6266 with a UTF-8 fallback). */
export function respondWithFile(file: { filename: string; contentType: string; body: Buffer }): Response {
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
    },
  });
}
