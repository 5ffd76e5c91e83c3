global using G1Affine = Harmony.Crypto.Bls12381.AffinePoint<Harmony.Crypto.Bls12381.Fp, Harmony.Crypto.Bls12381.G1Curve>;
global using G1Projective = Harmony.Crypto.Bls12381.ProjectivePoint<Harmony.Crypto.Bls12381.Fp, Harmony.Crypto.Bls12381.G1Curve>;
global using G1Jacobian = Harmony.Crypto.Bls12381.JacobianPoint<Harmony.Crypto.Bls12381.Fp, Harmony.Crypto.Bls12381.G1Curve>;
global using G2Affine = Harmony.Crypto.Bls12381.AffinePoint<Harmony.Crypto.Bls12381.Fp2, Harmony.Crypto.Bls12381.G2Curve>;
global using G2Jacobian = Harmony.Crypto.Bls12381.JacobianPoint<Harmony.Crypto.Bls12381.Fp2, Harmony.Crypto.Bls12381.G2Curve>;
global using G2Projective = Harmony.Crypto.Bls12381.ProjectivePoint<Harmony.Crypto.Bls12381.Fp2, Harmony.Crypto.Bls12381.G2Curve>;
