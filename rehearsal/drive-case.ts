/** Drives one case from detection to closure through the API, as an officer would. */
export async function driveOneCase(apiUrl: string, _runDir: string): Promise<void> {
  throw new Error(
    `Driving a case through ${apiUrl} needs an officer sign-in, which the API in ECS cannot offer yet.`,
  );
}
