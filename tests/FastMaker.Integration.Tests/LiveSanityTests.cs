using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.WebSockets;
using FastMaker.Primitives;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>
/// The live sanity suite (issue 6 item 12): real markets' metadata, the smallest post-only order far from the touch
/// posted and cancelled, and the market channel's subscribe-to-first-book latency. Against Polymarket when the
/// FASTMAKER_LIVE_* variables are set (see <see cref="LiveSanityTarget"/>), otherwise the same code against the
/// in-process venue, which is what CI runs. Run alone with <c>dotnet test --filter Category=LiveSanity</c>.
/// </summary>
[Trait("Category", "LiveSanity")]
public sealed class LiveSanityTests(LiveSanityFixture fixture, ITestOutputHelper output) : IClassFixture<LiveSanityFixture>
{
    private static decimal Decimal(Price price) => price.Raw / 1_000_000m;

    [Fact]
    public async Task Markets_FromGammaAndTheClob_HaveCompleteAndConsistentMetadata()
    {
        output.WriteLine(fixture.Banner);
        var refresh = await fixture.MarketsAsync();
        foreach (var rejected in refresh.Rejected)
        {
            output.WriteLine("rejected by the mapper: " + rejected.Id + ": " + rejected.Reason);
        }

        Assert.Empty(refresh.Rejected);
        Assert.NotEmpty(refresh.Markets);
        var checkedMarkets = new List<Dictionary<string, object?>>();
        foreach (var market in refresh.Markets)
        {
            var name = market.ConditionId + " (" + market.Question + ")";
            Assert.True(market.NotQuotableReason is null, name + " is not quotable: " + market.NotQuotableReason);
            Assert.True(market.Tick is { IsValid: true }, name + " has no known tick size");
            Assert.True(market.MinOrderSize is { Raw: > 0 }, name + " has no positive min order size");
            Assert.NotNull(market.NegRisk);
            Assert.NotEqual(UInt256.Zero, market.YesToken);
            Assert.NotEqual(UInt256.Zero, market.NoToken);
            Assert.NotEqual(market.YesToken, market.NoToken);

            // The CLOB's per-token endpoints agree with the merged metadata.
            var yes = market.YesToken.ToString();
            var tick = await fixture.Clob.GetTickSizeAsync(yes);
            Assert.True(tick.IsSuccess, "tick-size " + yes + ": " + tick.Error);
            Assert.Equal(Decimal(market.Tick!.Value.Value), tick.Value!.MinimumTickSize);
            var negRisk = await fixture.Clob.GetNegRiskAsync(yes);
            Assert.True(negRisk.IsSuccess, "neg-risk " + yes + ": " + negRisk.Error);
            Assert.Equal(market.NegRisk, negRisk.Value!.NegRisk);
            var book = await fixture.Clob.GetBookAsync(yes);
            Assert.True(book.IsSuccess, "book " + yes + ": " + book.Error);
            Assert.Equal(yes, book.Value!.AssetId);
            Assert.Equal(Decimal(market.Tick!.Value.Value), decimal.Parse(book.Value.TickSize!, CultureInfo.InvariantCulture));
            Assert.Equal(market.MinOrderSize!.Value.Raw / 1_000_000m, decimal.Parse(book.Value.MinOrderSize!, CultureInfo.InvariantCulture));

            output.WriteLine(name + ": tick " + market.Tick + ", min size " + market.MinOrderSize + ", negRisk " + market.NegRisk + ", tokens ok");
            checkedMarkets.Add(new Dictionary<string, object?>
            {
                ["condition_id"] = market.ConditionId.ToString(),
                ["tick"] = market.Tick.ToString(),
                ["min_size"] = market.MinOrderSize.ToString(),
                ["neg_risk"] = market.NegRisk,
                ["yes_token"] = yes,
                ["no_token"] = market.NoToken.ToString(),
            });
        }

        fixture.Report["markets"] = checkedMarkets;
    }

    [Fact]
    public async Task SmallestPostOnlyOrder_FarFromTheTouch_IsAccepted_ThenCancelled()
    {
        output.WriteLine(fixture.Banner);
        var target = fixture.Target;
        var refresh = await fixture.MarketsAsync();
        var clob = await fixture.AuthenticatedClobAsync();
        var credentials = await fixture.CredentialsAsync();

        // The first market whose best ask leaves room for a BUY at the lowest price that rests without crossing.
        Engine.Registry.MarketMetadata? chosen = null;
        foreach (var market in refresh.Markets)
        {
            if (market.Tick is not { } t || market.MinOrderSize is null || market.AcceptingOrders == false)
            {
                continue;
            }

            var book = await fixture.Clob.GetBookAsync(market.YesToken.ToString());
            var bestAsk = book.IsSuccess && book.Value!.Asks is { Length: > 0 } asks
                ? asks.Min(a => decimal.Parse(a.Price, CultureInfo.InvariantCulture))
                : decimal.MaxValue;
            if (bestAsk > 2 * Decimal(t.Value))
            {
                chosen = market;
                break;
            }
        }

        Assert.True(chosen is not null, "no market leaves room for a resting BUY at its lowest price");
        var tick = chosen.Tick!.Value;
        var version = await fixture.Clob.GetVersionAsync();
        var builder = new OrderBuilder(
            target.Signer, target.ChainId, target.SignatureType, target.Funder, credentials.ApiKey, version.IsSuccess && version.Value == 3 ? OrderVersion.V3 : OrderVersion.V2);
        var request = new OrderRequest
        {
            TokenId = chosen.YesToken,
            Side = Side.Buy,
            Price = tick.Value,
            Size = chosen.MinOrderSize!.Value,
            TickSize = tick,
            NegRisk = chosen.NegRisk ?? false,
            OrderType = OrderType.Gtc,
            PostOnly = true,
            Salt = (ulong)RandomNumberGenerator.GetInt32(int.MaxValue),
            TimestampMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        var body = new byte[OrderBodyWriter.MaxLength];
        var signature = new byte[OrderHashing.Poly1271SignatureLength];
        Assert.Equal(OrderBuildError.None, builder.TryBuild(request, SigningMode.Deterministic, body, signature, out var info));

        var posted = Stopwatch.StartNew();
        var post = await clob.PostOrderAsync(body.AsMemory(0, info.BodyLength));
        var postMs = posted.Elapsed.TotalMilliseconds;
        var order = new Dictionary<string, object?>
        {
            ["market"] = chosen.ConditionId.ToString(),
            ["side"] = "BUY",
            ["price"] = request.Price.ToString(),
            ["size"] = request.Size.ToString(),
            ["post_only"] = true,
            ["order_id"] = info.OrderId.ToString(),
            ["post_ms"] = Math.Round(postMs, 1),
            ["accepted"] = post.IsSuccess && post.Value!.IsAccepted,
            ["status"] = post.Value?.Status,
            ["reject_reason"] = post.IsSuccess ? post.Value!.ErrorMsg : post.Error!.ToString(),
        };
        fixture.Report["order"] = order;
        output.WriteLine("post BUY " + request.Size + " @ " + request.Price + " post-only on " + chosen.ConditionId + ": " +
                         (post.IsSuccess ? "status " + post.Value!.Status + ", error '" + post.Value.ErrorMsg + "'" : "failed: " + post.Error) +
                         " in " + postMs.ToString("0.0", CultureInfo.InvariantCulture) + " ms");
        Assert.True(post.IsSuccess && post.Value!.IsAccepted, "the order was not accepted: " + order["reject_reason"]);
        Assert.Equal(info.OrderId, Hash32.Parse(post.Value!.OrderId!));

        var open = await clob.GetOpenOrdersAsync(id: post.Value.OrderId);
        Assert.True(open.IsSuccess, "open orders: " + open.Error);
        Assert.Contains(open.Value!, o => string.Equals(o.Id, post.Value.OrderId, StringComparison.OrdinalIgnoreCase));

        var cancelled = Stopwatch.StartNew();
        var cancel = await clob.CancelOrderAsync(post.Value.OrderId!);
        order["cancel_ms"] = Math.Round(cancelled.Elapsed.TotalMilliseconds, 1);
        Assert.True(cancel.IsSuccess, "cancel failed: " + cancel.Error);
        order["cancelled"] = cancel.Value!.Canceled is { } ids && ids.Contains(post.Value.OrderId!, StringComparer.OrdinalIgnoreCase);
        output.WriteLine("cancel: canceled [" + string.Join(", ", cancel.Value.Canceled ?? []) + "], not canceled " + (cancel.Value.NotCanceled?.Count ?? 0));
        Assert.True((bool)order["cancelled"]!, "the order was not in the cancel reply's canceled list");

        var after = await clob.GetOpenOrdersAsync(id: post.Value.OrderId);
        Assert.True(after.IsSuccess, "open orders after the cancel: " + after.Error);
        Assert.DoesNotContain(after.Value!, o => string.Equals(o.Id, post.Value.OrderId, StringComparison.OrdinalIgnoreCase) && o.Status is "LIVE" or "live");
    }

    [Fact]
    public async Task MarketChannel_SubscribeToFirstBook_LatencyIsMeasured()
    {
        output.WriteLine(fixture.Banner);
        var refresh = await fixture.MarketsAsync();
        var asset = refresh.Markets[0].YesToken.ToString();
        long subscribedAt = 0;
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new WsConnection(0, WsChannel.Market, new WsConnectionOptions { Uri = fixture.Target.WsMarketUrl, AssetSilenceTimeout = null });
        connection.StatusChanged += status =>
        {
            if (status.Kind == WsStatusKind.Subscribed && Interlocked.CompareExchange(ref subscribedAt, status.Timestamp, 0) == 0)
            {
                subscribed.TrySetResult();
            }
        };
        await connection.SubscribeAsync([asset]);
        connection.Start();
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var needle = Encoding.UTF8.GetBytes("\"" + asset + "\"");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        long firstBookAt = 0;
        var frames = 0;
        while (firstBookAt == 0 && await connection.Reader.ReadAsync(timeout.Token))
        {
            while (connection.Reader.TryGetFrame(out var frame))
            {
                frames++;
                var text = frame.Payload.ToArray();
                if (text.AsSpan().IndexOf("\"book\""u8) >= 0 && text.AsSpan().IndexOf(needle) >= 0)
                {
                    firstBookAt = frame.ReceivedTimestamp;
                    break;
                }
            }
        }

        Assert.True(firstBookAt != 0, "no book for " + asset + " arrived after the subscribe (" + frames + " other frames)");
        var latency = TimeProvider.System.GetElapsedTime(Volatile.Read(ref subscribedAt), firstBookAt);
        fixture.Report["ws_subscribe_to_first_book_ms"] = Math.Round(latency.TotalMilliseconds, 2);
        output.WriteLine("market channel: subscribe -> first book for " + asset + " in " + latency.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms");
        Assert.True(latency >= TimeSpan.Zero, "the book was stamped before the subscribe went out");
    }
}
