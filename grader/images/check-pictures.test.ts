import { describePictures, EXPECTED } from './check-pictures.harness.ts';

describePictures('the pictures of the distribution checks (graded as the reference)', EXPECTED);
