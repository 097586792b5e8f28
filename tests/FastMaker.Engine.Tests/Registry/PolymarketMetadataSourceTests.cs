using System.Net;
using System.Text;
using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Registry;

public class PolymarketMetadataSourceTests
{
    /// <summary>Answers by path, in memory: no sockets.</summary>
    private sealed class RoutingHandler(Func<string, (HttpStatusCode, string)> route) : HttpMessageHandler
    {
        public List<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.RequestUri!.PathAndQuery);
            }

            var (status, body) = route(request.RequestUri!.AbsolutePath);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static PolymarketMetadataSource Source(RoutingHandler handler) => new(
        new GammaClient(handler, new Uri("http://gamma.test")),
        new ClobClient(handler, new ClobClientOptions { BaseUri = new Uri("http://clob.test") }),
        [GammaFixtures.Condition]);

    [Fact]
    public async Task Fetch_MergesGammaAndClobDetails_IntoACompleteRefresh()
    {
        var handler = new RoutingHandler(path => path switch
        {
            "/markets" => (HttpStatusCode.OK, "[" + GammaFixtures.ReferenceJson + "]"),
            _ when path == "/clob-markets/" + GammaFixtures.Condition => (HttpStatusCode.OK, GammaFixtures.ClobDetailsJson),
            _ => (HttpStatusCode.NotFound, "{}"),
        });

        var refresh = await Source(handler).FetchAsync(CancellationToken.None);

        Assert.True(refresh.IsComplete);
        Assert.Empty(refresh.Rejected);
        var m = Assert.Single(refresh.Markets);
        Assert.Null(m.NotQuotableReason);
        Assert.Equal(720, m.TakerFeeRateBps);
        Assert.Equal(TickSize.Hundredth, m.Tick);
        Assert.Contains("condition_ids=" + GammaFixtures.Condition, handler.Requests[0]);
    }

    [Fact]
    public async Task ClobDetailsNotFound_DuringHydration_LeaveTheMarketNotQuotable()
    {
        var handler = new RoutingHandler(path => path == "/markets"
            ? (HttpStatusCode.OK, "[" + GammaFixtures.ReferenceJson + "]")
            : (HttpStatusCode.NotFound, "{\"error\":\"market not found\"}"));

        var refresh = await Source(handler).FetchAsync(CancellationToken.None);

        Assert.True(refresh.IsComplete);
        Assert.Contains("CLOB market details unavailable", Assert.Single(refresh.Markets).NotQuotableReason);
    }

    [Fact]
    public async Task GammaFailure_MakesThePartialRefreshIncomplete()
    {
        var handler = new RoutingHandler(_ => (HttpStatusCode.InternalServerError, "{\"error\":\"boom\"}"));
        var refresh = await Source(handler).FetchAsync(CancellationToken.None);
        Assert.False(refresh.IsComplete);
        Assert.Empty(refresh.Markets);
    }

    [Fact]
    public async Task GammaMarketWithoutTokens_IsRejectedWithTheReason()
    {
        var json = GammaFixtures.ReferenceJson.Replace("\"clobTokenIds\":", "\"ignored\":");
        var handler = new RoutingHandler(path => path == "/markets" ? (HttpStatusCode.OK, "[" + json + "]") : (HttpStatusCode.NotFound, "{}"));
        var refresh = await Source(handler).FetchAsync(CancellationToken.None);
        Assert.Contains("clobTokenIds must hold 2 token ids", Assert.Single(refresh.Rejected).Reason);
        Assert.Equal(GammaFixtures.Condition, refresh.Rejected[0].Id);
    }
}
