namespace FastMaker.Polymarket.Signing;

/// <summary>A 256-bit odd modulus for <see cref="Mont{TModulus}"/>; static abstract so that each modulus gets
/// its own specialized, constant-folded code.</summary>
internal interface IModulus256
{
    static abstract U256 Modulus { get; }

    /// <summary>-m^-1 mod 2^64.</summary>
    static abstract ulong NegInverse { get; }

    /// <summary>R mod m, R = 2^256 (the Montgomery form of 1).</summary>
    static abstract U256 One { get; }

    /// <summary>R^2 mod m (converts into Montgomery form).</summary>
    static abstract U256 RSquared { get; }

    /// <summary>m - 2, the Fermat inversion exponent.</summary>
    static abstract U256 ModulusMinusTwo { get; }
}

/// <summary>The secp256k1 field prime p = 2^256 - 2^32 - 977.</summary>
internal struct FieldModulus : IModulus256
{
    public static U256 Modulus => new(0xFFFFFFFEFFFFFC2FUL, 0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFFFFFFFFFUL);
    public static ulong NegInverse => 0xD838091DD2253531UL;
    public static U256 One => new(0x00000001000003D1UL, 0, 0, 0);
    public static U256 RSquared => new(0x000007A2000E90A1UL, 0x0000000000000001UL, 0, 0);
    public static U256 ModulusMinusTwo => new(0xFFFFFFFEFFFFFC2DUL, 0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFFFFFFFFFUL);

    /// <summary>(p + 1) / 4: a^((p+1)/4) is a square root of a when one exists (p = 3 mod 4).</summary>
    public static U256 SqrtExponent => new(0xFFFFFFFFBFFFFF0CUL, 0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFFFFFFFFFUL, 0x3FFFFFFFFFFFFFFFUL);
}

/// <summary>The secp256k1 group order n.</summary>
internal struct ScalarModulus : IModulus256
{
    public static U256 Modulus => new(0xBFD25E8CD0364141UL, 0xBAAEDCE6AF48A03BUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL);
    public static ulong NegInverse => 0x4B0DFF665588B13FUL;
    public static U256 One => new(0x402DA1732FC9BEBFUL, 0x4551231950B75FC4UL, 0x0000000000000001UL, 0);
    public static U256 RSquared => new(0x896CF21467D7D140UL, 0x741496C20E7CF878UL, 0xE697F5E45BCD07C6UL, 0x9D671CD581C69BC5UL);
    public static U256 ModulusMinusTwo => new(0xBFD25E8CD036413FUL, 0xBAAEDCE6AF48A03BUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL);

    /// <summary>floor(n / 2): signatures with s above it are normalized to n - s (low-s rule, EIP-2).</summary>
    public static U256 HalfOrder => new(0xDFE92F46681B20A0UL, 0x5D576E7357A4501DUL, 0xFFFFFFFFFFFFFFFFUL, 0x7FFFFFFFFFFFFFFFUL);
}
