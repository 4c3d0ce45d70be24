import { describePictures, EXPECTED_TRAINING } from './check-pictures.harness.ts';

// The training exercises' learning curves (and the flow's density), graded as the reference: each trains once more than npm test does.
describePictures('the pictures of the training checks (graded as the reference)', EXPECTED_TRAINING);
