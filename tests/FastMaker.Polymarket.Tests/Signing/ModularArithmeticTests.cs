using System.Numerics;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Tests.Signing;

public class ModularArithmeticTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977;
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger R = BigInteger.Pow(2, 256);

    private static U256 ToU256(BigInteger value)
    {
        var bytes = new byte[32];
        value.ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(bytes, 32 - value.GetByteCount(isUnsigned: true));
        return U256.FromBigEndian(bytes);
    }

    private static BigInteger ToBig(U256 value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static IEnumerable<BigInteger> Operands(BigInteger modulus, int seed)
    {
        // Edge values exercise the rare carry and final-subtraction branches; random values the rest.
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return modulus - 1;
        yield return modulus - 2;
        yield return BigInteger.Pow(2, 255);
        yield return BigInteger.Pow(2, 128) - 1;
        yield return modulus / 2;
        var random = new Random(seed);
        var bytes = new byte[32];
        for (int i = 0; i < 60; i++)
        {
            random.NextBytes(bytes);
            yield return new BigInteger(bytes, isUnsigned: true) % modulus;
        }
    }

    [Fact]
    public void FieldArithmetic_MulAddSubInverse_MatchBigInteger()
    {
        var operands = Operands(P, 1).ToArray();
        foreach (var a in operands)
        {
            foreach (var b in operands)
            {
                FieldArithmetic.Mul(ToU256(a), ToU256(b), out U256 product);
                Assert.Equal(a * b % P, ToBig(product));
                FieldArithmetic.Add(ToU256(a), ToU256(b), out U256 sum);
                Assert.Equal((a + b) % P, ToBig(sum));
                FieldArithmetic.Sub(ToU256(a), ToU256(b), out U256 difference);
                Assert.Equal(((a - b) % P + P) % P, ToBig(difference));
            }
            FieldArithmetic.Inverse(ToU256(a), out U256 inverse);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, P - 2, P), ToBig(inverse));
        }
    }

    [Fact]
    public void ScalarMontgomery_MulAndInverse_MatchBigInteger()
    {
        var operands = Operands(N, 2).ToArray();
        var rInverse = BigInteger.ModPow(R, N - 2, N);
        foreach (var a in operands)
        {
            foreach (var b in operands)
            {
                Mont<ScalarModulus>.Mul(ToU256(a), ToU256(b), out U256 product);
                Assert.Equal(a * b % N * rInverse % N, ToBig(product));
            }
            Mont<ScalarModulus>.ToMont(ToU256(a), out U256 aMont);
            Assert.Equal(a * R % N, ToBig(aMont));
            Mont<ScalarModulus>.Inverse(aMont, out U256 inverseMont);
            Mont<ScalarModulus>.FromMont(inverseMont, out U256 inverse);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, N - 2, N), ToBig(inverse));
        }
    }

    [Fact]
    public void ModulusConstants_AreConsistent()
    {
        Assert.Equal(P, ToBig(FieldModulus.Modulus));
        Assert.Equal(N, ToBig(ScalarModulus.Modulus));
        Assert.Equal(R % N, ToBig(ScalarModulus.One));
        Assert.Equal(R * R % N, ToBig(ScalarModulus.RSquared));
        Assert.Equal(R % P, ToBig(FieldModulus.One));
        Assert.Equal(R * R % P, ToBig(FieldModulus.RSquared));
        Assert.Equal((P + 1) / 4, ToBig(FieldModulus.SqrtExponent));
        Assert.Equal(N / 2, ToBig(ScalarModulus.HalfOrder));
        Assert.Equal(BigInteger.Zero, (N * ScalarModulus.NegInverse + 1) % BigInteger.Pow(2, 64));
        Assert.Equal(BigInteger.Zero, (P * FieldModulus.NegInverse + 1) % BigInteger.Pow(2, 64));
    }
}
