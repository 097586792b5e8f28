using System.Net;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using FastMaker.Engine.Execution;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Execution;

/// <summary>
/// What <see cref="OrderSender.Publish"/> costs the engine thread: a batch of 1024 signed cancels published while the
/// dispatcher drains them to an instant stub venue (its threads compete for the 2 cores, as in production), against a
/// bounded <see cref="Channel"/> TryWrite with a reader draining it, in the same run. Each iteration starts with an
/// empty queue (IterationSetup waits for the drain); results are per request.
/// </summary>
[Config(typeof(SenderBenchmarkConfig))]
public class SenderPublishBenchmarks
{
    private const int Batch = 1024;
    private readonly SignedRequest[] _requests = new SignedRequest[Batch];
    private readonly SenderBenchSupport.Replies _replies = new();
    private OrderSender _sender = null!;
    private Channel<SignedRequest> _channel = null!;
    private Task _channelReader = null!;
    private EthSigner _signer = null!;
    private long _expectedReplies;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MarketRegistry();
        var market = registry.GetOrAdd(Hash32.FromBytes(Enumerable.Repeat((byte)1, 32).ToArray()), new UInt256(5, 0, 0, 0), new UInt256(7, 0, 0, 0));
        market.Tick = TickSize.Hundredth;
        market.MinOrderSize = Quantity.Parse("5");
        _signer = new EthSigner(Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        var credentials = new ApiCredentials("00000000-0000-0000-0000-000000000001", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=", "pass");
        var builder = new OrderBuilder(_signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, credentials.ApiKey);
        var stage = new SignStage(builder, new L2Signer(credentials, _signer.AddressChecksummed), SigningMode.Deterministic, 1, Batch * 2);
        var orders = new SenderBenchSupport.Orders();
        var capture = new SenderBenchSupport.Capture();
        var gate = SenderBenchSupport.Gate(registry, stage, capture, orders);
        for (int i = 0; i < Batch; i++)
        {
            var id = Hash32.FromBytes(BitConverter.GetBytes((long)i + 1).Concat(new byte[24]).ToArray());
            orders.Live[id] = new LiveOrderView(id, 0, Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), Quantity.Parse("10"), false);
            gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = id }, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            _requests[i] = capture.Last!;
        }

        // No RequestPool: the sender drops the requests instead of pooling them, so the benchmark can publish them again.
        var options = new SenderOptions
        {
            ClobBaseUrl = new Uri("http://stub.invalid"),
            Address = EthAddress.Parse(_signer.AddressChecksummed),
            ApiKey = credentials.ApiKey,
            Passphrase = credentials.Passphrase,
            Credentials = credentials,
            QueueCapacity = Batch * 4,
            MaxSignatureAge = TimeSpan.FromDays(1),
            BatchCancels = false, // as recorded in perf-baselines/sender.md: one DELETE /order per cancel
            Handler = new InstantVenue(),
        };
        _sender = new OrderSender(options, _replies, TimeProvider.System);
        _channel = Channel.CreateBounded<SignedRequest>(new BoundedChannelOptions(Batch * 4) { SingleReader = true, SingleWriter = true });
        _channelReader = Task.Run(async () =>
        {
            await foreach (var _ in _channel.Reader.ReadAllAsync()) { }
        });
    }

    [IterationSetup(Target = nameof(OrderSenderPublish))]
    public void DrainSender()
    {
        SpinWait.SpinUntil(() => Interlocked.Read(ref _replies.OrderReplies) >= _expectedReplies && _sender.InFlight == 0, TimeSpan.FromSeconds(60));
        if (_sender.QueueFullRefusals != 0) throw new InvalidOperationException("the sender queue overflowed: the numbers would include refusals");
    }

    [IterationSetup(Target = nameof(ChannelTryWrite))]
    public void DrainChannel() => SpinWait.SpinUntil(() => _channel.Reader.Count == 0, TimeSpan.FromSeconds(10));

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public bool ChannelTryWrite()
    {
        bool ok = true;
        var writer = _channel.Writer;
        for (int i = 0; i < _requests.Length; i++) ok &= writer.TryWrite(_requests[i]);
        return ok;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void OrderSenderPublish()
    {
        var sender = _sender;
        for (int i = 0; i < _requests.Length; i++) sender.Publish(_requests[i]);
        _expectedReplies += Batch;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _channel.Writer.Complete();
        _channelReader.GetAwaiter().GetResult();
        _signer.Dispose();
    }

    /// <summary>Answers every cancel at once without a socket.</summary>
    private sealed class InstantVenue : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            byte[] body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            string id = System.Text.Encoding.ASCII.GetString(body, 12, 66);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}") };
        }
    }
}
