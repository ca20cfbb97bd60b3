/** The reading, or null when there is none, it fails or it takes longer than `ms`. */
export async function within<T>(reading: Promise<T> | undefined, ms: number): Promise<T | null> {
  if (!reading) {
    return null;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([reading.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
