namespace FastMaker.Polymarket.Signing;

/// <summary>A secp256k1 point in affine coordinates (field elements as <see cref="FieldArithmetic"/> holds them). Never the point at infinity.</summary>
internal struct AffinePoint
{
    public U256 X, Y;
}

/// <summary>A secp256k1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3); Z = 0 is infinity.</summary>
internal struct JacobianPoint
{
    public U256 X, Y, Z;

    public readonly bool IsInfinity => Z.IsZero;
}
