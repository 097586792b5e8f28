using BenchmarkDotNet.Attributes;
using FastMaker.Polymarket.Signing;
using Org.BouncyCastle.Math;
using Fn = FastMaker.Polymarket.Signing.Mont<FastMaker.Polymarket.Signing.ScalarModulus>;
using Fp = FastMaker.Polymarket.Signing.FieldArithmetic;

namespace FastMaker.Benchmarks.Signing;

/// <summary>
/// ecrecover, what the venue does per POST /order: BouncyCastle's recovery (baseline), ours with the GLV/wNAF
/// double multiply, and ours with the previous path (fixed-base G + double-and-add R) in the same run; then the
/// parts: field multiply/square (per operation, a dependent chain of 100), inversion, square root, scalar
/// inversion, the variable- and fixed-base multiplies and the new double multiply.
/// </summary>
[Config(typeof(SigningBenchmarkConfig))]
public class RecoveryBenchmarks
{
    private const int FieldOps = 100;
    private static readonly byte[] Key = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private readonly byte[] _digest = new byte[32];
    private readonly byte[] _signature = new byte[65];
    private readonly byte[] _address = new byte[20];
    private readonly byte[] _publicKey = new byte[64];
    private BigInteger _r = null!, _s = null!, _e = null!;
    private int _recoveryId;
    private U256 _a, _b, _u1, _u2;
    private AffinePoint _point;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(_digest);
        Secp256k1.SignDeterministic(Key, _digest, _signature);
        _r = new BigInteger(1, _signature[..32]);
        _s = new BigInteger(1, _signature[32..64]);
        _e = new BigInteger(1, _digest);
        _recoveryId = _signature[64] - 27;
        var random = new Random(8);
        var bytes = new byte[32];
        random.NextBytes(bytes);
        bytes[0] &= 0x7F;
        _a = U256.FromBigEndian(bytes);
        random.NextBytes(bytes);
        bytes[0] &= 0x7F;
        _b = U256.FromBigEndian(bytes);
        random.NextBytes(bytes);
        bytes[0] &= 0x7F;
        _u1 = U256.FromBigEndian(bytes);
        random.NextBytes(bytes);
        bytes[0] &= 0x7F;
        _u2 = U256.FromBigEndian(bytes);
        Secp256k1.GetPublicKey(Key, _publicKey);
        _point.X = U256.FromBigEndian(_publicKey);
        _point.Y = U256.FromBigEndian(_publicKey.AsSpan(32));
    }

    [Benchmark(Baseline = true)]
    public object? BouncyCastleRecover() => BouncyCastleEcdsa.Recover(_r, _s, _e, _recoveryId);

    [Benchmark]
    public bool FastMakerRecoverAddress() => Secp256k1.TryRecoverAddress(_digest, _signature, _address);

    [Benchmark]
    public bool FastMakerRecoverPublicKey() => Secp256k1.TryRecoverPublicKey(_digest, _signature, _publicKey);

    [Benchmark]
    public bool PreviousRecoverPublicKey() => Secp256k1.TryRecoverPublicKeyCore(_digest, _signature, _publicKey, useReferenceMultiply: true);

    [Benchmark(OperationsPerInvoke = FieldOps)]
    public ulong FieldMul()
    {
        U256 x = _a;
        for (int i = 0; i < FieldOps; i++) Fp.Mul(x, _b, out x);
        return x.L0;
    }

    [Benchmark(OperationsPerInvoke = FieldOps)]
    public ulong FieldSquare()
    {
        U256 x = _a;
        for (int i = 0; i < FieldOps; i++) Fp.Square(x, out x);
        return x.L0;
    }

    [Benchmark]
    public ulong FieldInverse()
    {
        Fp.Inverse(_a, out U256 r);
        return r.L0;
    }

    [Benchmark]
    public ulong FieldSqrt()
    {
        Fp.SqrtCandidate(_a, out U256 r);
        return r.L0;
    }

    [Benchmark]
    public ulong ScalarInverse()
    {
        Fn.Inverse(_a, out U256 r);
        return r.L0;
    }

    [Benchmark]
    public ulong ScalarInverseBinaryGcd()
    {
        VariableTimeInverse.Invert(_a, ScalarModulus.Modulus, out U256 r);
        return r.L0;
    }

    [Benchmark]
    public ulong VariableBaseMultiply()
    {
        Secp256k1Curve.Multiply(_point, _u2, out JacobianPoint r);
        return r.Z.L0;
    }

    [Benchmark]
    public ulong FixedBaseMultiplyG()
    {
        FixedBaseTable.MultiplyG(_u1, out JacobianPoint r);
        return r.Z.L0;
    }

    [Benchmark]
    public ulong GlvDoubleMultiply()
    {
        DoubleScalarMultiplier.Multiply(_u1, _point, _u2, out JacobianPoint r);
        return r.Z.L0;
    }
}
