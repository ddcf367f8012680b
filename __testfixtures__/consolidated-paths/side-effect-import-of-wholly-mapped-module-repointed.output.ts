import '../errors';

export const errorsLoaded = true;
