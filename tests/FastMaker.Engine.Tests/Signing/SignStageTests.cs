using System.Text;
using System.Text.Json;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Tests.Gate;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Signing;

public class SignStageTests
{
    private const long Now = GateFixture.T0;

    [Fact]
    public void SignedBody_IsByteForByteTheOrderBuildersBody_AndTheOrderIdIsItsDigest()
    {
        using var f = new GateFixture();
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(0, "0.47", "12.5"), Now));
        var r = Assert.Single(f.Sink.Requests);
        using var doc = JsonDocument.Parse(r.BodyMemory);
        ulong salt = doc.RootElement.GetProperty("order").GetProperty("salt").GetUInt64();
        Assert.Equal(Now.ToString(), doc.RootElement.GetProperty("order").GetProperty("timestamp").GetString());

        var request = new OrderRequest
        {
            TokenId = f.Registry.Market(0).YesToken, Side = Side.Buy, Price = Price.Parse("0.47"), Size = Quantity.Parse("12.5"),
            TickSize = TickSize.Hundredth, OrderType = OrderType.Gtc, PostOnly = true, Salt = salt, TimestampMs = Now,
        };
        var body = new byte[OrderBodyWriter.MaxLength];
        var sig = new byte[OrderHashing.Poly1271SignatureLength];
        Assert.Equal(OrderBuildError.None, f.Builder.TryBuild(request, SigningMode.Deterministic, body, sig, out var info));
        Assert.Equal(body.AsSpan(0, info.BodyLength).ToArray(), r.Body.ToArray());
        Assert.Equal(info.OrderId, r.OrderId);
        Assert.Equal("POST", Encoding.ASCII.GetString(r.Method));
    }

    [Fact]
    public void Salts_AreSeeded_SoTwoEnginesWithOneSeedSignTheSameBodies()
    {
        using var a = new GateFixture();
        using var b = new GateFixture();
        for (int i = 0; i < 3; i++)
        {
            a.Gate.Submit(a.Bid(i), Now);
            b.Gate.Submit(b.Bid(i), Now);
        }

        Assert.Equal(3, a.Sink.Requests.Count);
        for (int i = 0; i < 3; i++) Assert.Equal(a.Sink.Requests[i].Body.ToArray(), b.Sink.Requests[i].Body.ToArray());
        Assert.NotEqual(a.Sink.Requests[0].OrderId, a.Sink.Requests[1].OrderId);
    }

    [Fact]
    public void L2Signature_CoversTheExactBodyMethodAndPath()
    {
        using var f = new GateFixture(withL2: true);
        f.Gate.Submit(f.Bid(), Now);
        var id = f.Sink.Requests[0].OrderId;
        f.Orders.Live[id] = new LiveOrderView(id, 0, Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), Quantity.Parse("10"), false);
        f.Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = id }, Now + 1_500);
        f.Gate.Submit(new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = -1 }, Now + 2_000);
        foreach (var r in f.Sink.Requests)
        {
            Assert.True(r.HasL2Signature);
            string expected = f.L2!.Sign(r.L2TimestampSeconds, Encoding.ASCII.GetString(r.Method), Encoding.ASCII.GetString(r.Path),
                r.BodyLength == 0 ? null : Encoding.UTF8.GetString(r.Body));
            Assert.Equal(expected, Encoding.ASCII.GetString(r.L2Signature));
        }

        Assert.Equal((Now + 1_500) / 1000, f.Sink.Requests[1].L2TimestampSeconds);
        Assert.Equal("/cancel-all", Encoding.ASCII.GetString(f.Sink.Requests[2].Path));
        Assert.Equal(0, f.Sink.Requests[2].BodyLength);
    }

    [Fact]
    public void WithoutCredentials_NoL2Signature()
    {
        using var f = new GateFixture();
        f.Gate.Submit(f.Bid(), Now);
        Assert.False(f.Sink.Requests[0].HasL2Signature);
        Assert.True(f.Sink.Requests[0].L2Signature.IsEmpty);
    }

    [Fact]
    public void SteadyState_GateAndSign_AllocateNothing()
    {
        using var f = new GateFixture(withL2: true);
        f.Sink.ReturnTo = f.Sign.Pool;
        f.Risk.RecordReservations = false;
        var id = Hash32.FromBytes(GateFixture.Filled(32, 3));
        f.Orders.Live[id] = new LiveOrderView(id, 0, Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), Quantity.Parse("10"), false);
        var bid = f.Bid();
        var cancel = new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = id };
        long now = Now;
        for (int i = 0; i < 200; i++)
        {
            f.Gate.Submit(bid, now += 1_000);
            f.Gate.Submit(cancel, now);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
        {
            if (f.Gate.Submit(bid, now += 1_000) != GateRejectReason.None) throw new InvalidOperationException("rejected");
            f.Gate.Submit(cancel, now);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, f.Sign.Pool.Overflows);
        Assert.Equal(700, f.Sign.OrdersSigned);
    }

    [Fact]
    public void FastMode_SignsWithPrecomputedNonces_AndTheSignatureRecoversToTheSigner()
    {
        using var pool = new NoncePool(capacity: 16, startRefillThread: false);
        pool.Fill();
        using var signer = new EthSigner(GateFixture.Key, pool);
        var builder = new OrderBuilder(signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, "owner");
        using var stage = new SignStage(builder, null, SigningMode.Fast, saltSeed: 7, requestPoolCapacity: 4);
        using var f = new GateFixture();
        var gate = new ExecutionGate(f.Registry, f.Risk, f.Orders, f.Budget, stage, f.Sink);
        gate.SetMarketState(0, FastMaker.Engine.Time.MarketState.Active);
        Assert.Equal(GateRejectReason.None, gate.Submit(f.Bid(), Now));
        Assert.Equal(1, signer.FastSignatures);
        Assert.Equal(0, signer.DeterministicFallbacks);
    }

    [Fact]
    public void Pool_ReturnTwice_IsIgnored_EmptyPoolAllocatesAndCounts()
    {
        var pool = new SignedRequestPool(2);
        var a = pool.Rent();
        var b = pool.Rent();
        var c = pool.Rent();
        Assert.Equal(1, pool.Overflows);
        pool.Return(a);
        pool.Return(a);
        Assert.Equal(1, pool.Available);
        pool.Return(b);
        pool.Return(c); // full: the extra one goes to the GC
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public void SigningOptions_ReadTheKeyFromAFileOrAVariable_NeverHoldIt()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\n");
            var options = new SigningOptions { PrivateKeyFile = path, L2FromEnvironment = false, ApiKeyOwner = "owner", Mode = SigningMode.Deterministic };
            using var stage = SignStage.Create(options);
            Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", stage.Builder.Maker.ToString(), ignoreCase: true);
            Assert.DoesNotContain("ac0974", options.ToString(), StringComparison.OrdinalIgnoreCase);

            const string variable = "FASTMAKER_TEST_GATE_KEY_UNSET";
            Environment.SetEnvironmentVariable(variable, null);
            var missing = Assert.Throws<InvalidOperationException>(() => SignStage.Create(options with { PrivateKeyFile = null, PrivateKeyVariable = variable }));
            Assert.Contains(variable, missing.Message);
            var noOwner = Assert.Throws<InvalidOperationException>(() => SignStage.Create(options with { ApiKeyOwner = null }));
            Assert.Contains("owner", noOwner.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
