using System.Numerics;
using FastMaker.Polymarket.Signing;
using Fp = FastMaker.Polymarket.Signing.FieldArithmetic;

namespace FastMaker.Polymarket.Tests.Signing;

/// <summary>The dedicated field square and the addition-chain inversion and square root, against BigInteger and
/// against the generic windowed exponentiation they replace.</summary>
public class FieldFastPathTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977;

    private static BigInteger ToBig(in U256 value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static U256 FromBig(BigInteger value)
    {
        var bytes = new byte[32];
        value.ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(bytes, 32 - value.GetByteCount(isUnsigned: true));
        return U256.FromBigEndian(bytes);
    }

    private static IEnumerable<BigInteger> Elements(int seed, int count)
    {
        foreach (var edge in new[] { BigInteger.Zero, BigInteger.One, new BigInteger(2), P - 1, P - 2, P / 2, BigInteger.Pow(2, 255), BigInteger.Pow(2, 128) - 1, BigInteger.Pow(2, 192), P - BigInteger.Pow(2, 64) })
            yield return edge;
        var random = new Random(seed);
        var bytes = new byte[32];
        for (int i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            // Every fourth value has all-ones upper limbs, where the carries of the cross products are longest.
            if ((i & 3) == 0) bytes.AsSpan(0, 24).Fill(0xFF);
            var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            yield return value % P;
        }
    }

    [Fact]
    public void Square_MatchesBigIntegerAndMul()
    {
        foreach (var a in Elements(31, 5000))
        {
            U256 x = FromBig(a);
            Fp.Square(x, out U256 square);
            Fp.Mul(x, x, out U256 product);
            Assert.Equal(a * a % P, ToBig(square));
            Assert.True(U256.Equal(square, product));
        }
    }

    [Fact]
    public void AddSubNegate_SpecialFormReduction_MatchBigInteger()
    {
        var values = new List<BigInteger>(Elements(34, 300));
        for (int i = 0; i < values.Count; i++)
        {
            for (int j = 0; j < values.Count; j += 7)
            {
                BigInteger a = values[i], b = values[(i + j) % values.Count];
                U256 x = FromBig(a), y = FromBig(b);
                Fp.Add(x, y, out U256 sum);
                Fp.Sub(x, y, out U256 difference);
                Assert.Equal((a + b) % P, ToBig(sum));
                Assert.Equal(((a - b) % P + P) % P, ToBig(difference));
            }
            Fp.Negate(FromBig(values[i]), out U256 negated);
            Assert.Equal((P - values[i]) % P, ToBig(negated));
        }
    }

    [Fact]
    public void Inverse_AdditionChain_MatchesModPowAndWindowedPow()
    {
        foreach (var a in Elements(32, 500))
        {
            U256 x = FromBig(a);
            Fp.Inverse(x, out U256 inverse);
            Fp.Pow(x, FieldModulus.ModulusMinusTwo, out U256 windowed);
            Assert.Equal(BigInteger.ModPow(a, P - 2, P), ToBig(inverse));
            Assert.True(U256.Equal(inverse, windowed));
            if (!a.IsZero) Assert.Equal(BigInteger.One, a * ToBig(inverse) % P);
        }
    }

    [Fact]
    public void SqrtCandidate_AdditionChain_MatchesModPowAndWindowedPow()
    {
        int squares = 0;
        foreach (var a in Elements(33, 500))
        {
            U256 x = FromBig(a);
            Fp.SqrtCandidate(x, out U256 root);
            Fp.Pow(x, FieldModulus.SqrtExponent, out U256 windowed);
            Assert.Equal(BigInteger.ModPow(a, (P + 1) / 4, P), ToBig(root));
            Assert.True(U256.Equal(root, windowed));
            if (ToBig(root) * ToBig(root) % P == a) squares++;
        }
        // About half of the field elements are squares: both outcomes were exercised.
        Assert.InRange(squares, 200, 320);
    }

    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void VariableTimeInverse_FieldAndScalar_MatchModPowAndFermat()
    {
        foreach (var modulus in new[] { P, N })
        {
            U256 m = FromBig(modulus);
            var random = new Random(35);
            var bytes = new byte[32];
            var values = new List<BigInteger> { 1, 2, 3, modulus - 1, modulus - 2, modulus / 2, BigInteger.Pow(2, 255), BigInteger.Pow(2, 128) };
            for (int i = 0; i < 2000; i++)
            {
                random.NextBytes(bytes);
                var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % modulus;
                if (!value.IsZero) values.Add(value);
            }
            foreach (var a in values)
            {
                VariableTimeInverse.Invert(FromBig(a), m, out U256 inverse);
                Assert.Equal(BigInteger.ModPow(a, modulus - 2, modulus), ToBig(inverse));
            }
            VariableTimeInverse.Invert(default, m, out U256 zeroInverse);
            Assert.True(zeroInverse.IsZero);
        }
        // Same value as the Fermat inversion it replaces in recovery (field, plain representation).
        U256 x = FromBig(123456789);
        Fp.Inverse(x, out U256 fermat);
        VariableTimeInverse.Invert(x, FromBig(P), out U256 binary);
        Assert.True(U256.Equal(fermat, binary));
    }
}
