using BenchmarkDotNet.Attributes;
using FastMaker.Benchmarks.Signing;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Engine;

/// <summary>
/// Intent -> gate (every check, budget, a risk stub) -> fast-signed V2 order -> exact POST body in a pooled buffer with
/// its L2 signature, against the bare order builder (hash, sign, body; no gate, no L2) in the same run. And a cancel
/// through the gate with its L2 signature, against the bare L2 HMAC. Nonces are single-use: each iteration refills
/// the pool (IterationSetup, not measured) and an invocation runs a batch; results are per operation.
/// </summary>
[Config(typeof(SigningBenchmarkConfig))]
public class GateBenchmarks
{
    private const int Batch = 1024;
    private const long T0 = 1_760_000_000_000;
    private static readonly byte[] Key = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private readonly byte[] _body = new byte[OrderBodyWriter.MaxLength];
    private readonly byte[] _signature = new byte[OrderHashing.Poly1271SignatureLength];
    private readonly byte[] _l2 = new byte[L2Signer.SignatureLength];
    private NoncePool _nonces = null!;
    private EthSigner _signer = null!;
    private OrderBuilder _builder = null!;
    private L2Signer _l2Signer = null!;
    private ExecutionGate _gate = null!;
    private OrderIntent _bid;
    private OrderIntent _cancel;
    private OrderRequest _request;
    private long _now = T0;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MarketRegistry();
        var market = registry.GetOrAdd(Hash32.FromBytes(Enumerable.Repeat((byte)1, 32).ToArray()),
            UInt256.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563"), new UInt256(7, 0, 0, 0));
        market.Tick = TickSize.Hundredth;
        market.MinOrderSize = Quantity.Parse("5");
        _nonces = new NoncePool(capacity: Batch * 2, startRefillThread: false);
        _signer = new EthSigner(Key, _nonces);
        _builder = new OrderBuilder(_signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, "00000000-0000-0000-0000-000000000001");
        _l2Signer = new L2Signer(new ApiCredentials("00000000-0000-0000-0000-000000000001", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=", "pass"), _signer.AddressChecksummed);
        var stage = new SignStage(_builder, _l2Signer, SigningMode.Fast, saltSeed: 1, requestPoolCapacity: 64);
        var orders = new OneOrder();
        var budget = new MutationBudget(MutationBudgetOptions.Production with { MarketCooldownMs = 0, MaxMutationsPerMinute = 4096 });
        _gate = new ExecutionGate(registry, new AllowAll(), orders, budget, stage, new ReturnAtOnce(stage.Pool));
        _gate.SetMarketState(0, MarketState.Active);
        _bid = new OrderIntent
        {
            Kind = IntentKind.Place, Origin = OrderOrigin.MakerQuote, Side = Side.Buy, PostOnly = true, TimeInForce = IntentTimeInForce.Gtc,
            TokenIndex = 0, MarketIndex = 0, Price = Price.Parse("0.52"), Size = Quantity.Parse("100"),
        };
        _cancel = new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = orders.Id };
        _request = new OrderRequest
        {
            TokenId = market.YesToken, Side = Side.Buy, Price = _bid.Price, Size = _bid.Size, TickSize = TickSize.Hundredth,
            OrderType = OrderType.Gtc, PostOnly = true, Salt = 12345, TimestampMs = T0,
        };
    }

    [IterationSetup]
    public void Refill() => _nonces.Fill();

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_signer.DeterministicFallbacks != 0) throw new InvalidOperationException("nonce pool ran dry: the fast numbers would be wrong");
        _signer.Dispose();
        _nonces.Dispose();
    }

    /// <summary>Baseline: the order builder alone (amounts, struct hash, digest, fast ECDSA, body).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int BuilderOnly_FastSign()
    {
        int n = 0;
        for (int i = 0; i < Batch; i++)
        {
            _request.Salt = (ulong)i + 1;
            _builder.TryBuild(_request, SigningMode.Fast, _body, _signature, out var info);
            n += info.BodyLength;
        }

        return n;
    }

    /// <summary>The target: intent through every gate check to a signed body with its L2 signature, ready to send.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int IntentThroughGate_SignedBodyWithL2()
    {
        int rejects = 0;
        for (int i = 0; i < Batch; i++)
        {
            // One second apart: the per-minute budget never binds, so every intent is approved and signed.
            _now += 1_000;
            rejects += (int)_gate.Submit(_bid, _now);
        }

        return rejects;
    }

    /// <summary>Baseline for the cancel: the L2 HMAC over a cancel body alone.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int L2HmacOnly()
    {
        ReadOnlySpan<byte> body = "{\"orderID\":\"0x0303030303030303030303030303030303030303030303030303030303030303\"}"u8;
        for (int i = 0; i < Batch; i++) _l2Signer.Sign(T0 / 1000 + i, "DELETE"u8, "/order"u8, body, _l2.AsSpan());
        return _l2[0];
    }

    /// <summary>The cancel target: through the gate (target lookup) to a cancel body with its L2 signature.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int CancelThroughGate_WithL2()
    {
        int rejects = 0;
        for (int i = 0; i < Batch; i++) rejects += (int)_gate.Submit(_cancel, _now + i);
        return rejects;
    }

    private sealed class AllowAll : IPreTradeRisk
    {
        public bool KillSwitchOn => false;
        public GateRejectReason Check(in OrderIntent intent) => GateRejectReason.None;
        public void Reserve(in OrderIntent intent, in Hash32 orderId) { }
    }

    private sealed class OneOrder : IOrderLookup
    {
        private readonly LiveOrderView _view;

        public OneOrder()
        {
            Id = Hash32.FromBytes(Enumerable.Repeat((byte)3, 32).ToArray());
            _view = new LiveOrderView(Id, 0, Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), Quantity.Parse("10"), false);
        }

        public Hash32 Id { get; }

        public bool TryGetLive(in Hash32 orderId, out LiveOrderView order)
        {
            order = _view;
            return orderId == Id;
        }
    }

    private sealed class ReturnAtOnce(SignedRequestPool pool) : ISignedRequestSink
    {
        public void Publish(SignedRequest request) => pool.Return(request);
    }
}
