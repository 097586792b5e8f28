using System.Text.Json;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;

namespace FastMaker.Engine.Tests.Registry;

/// <summary>The reference Gamma market of PROTOCOL.md section 7 (nt test_data/gamma_market.json, trimmed) and CLOB details for it.</summary>
internal static class GammaFixtures
{
    public const string Condition = "0x78443f961b9a65869dcb39359de9960165c7e5cbad0904eac7f29cd77872a63b";
    public const string Up = "104239898038807136052399800151408521467737075933964991162589336683346093173875";
    public const string Down = "71183960810705820955071415844881728181970340514894896943812046065452395013351";

    public const string ReferenceJson = """
        {"id":"1557558","question":"Bitcoin Up or Down - March 12, 5:20AM-5:25AM ET","conditionId":"0x78443f961b9a65869dcb39359de9960165c7e5cbad0904eac7f29cd77872a63b",
         "slug":"btc-updown-5m-1773307200","resolutionSource":"https://data.chain.link/streams/btc-usd","endDate":"2026-03-12T09:25:00Z","liquidity":"20328.3747",
         "startDate":"2026-03-11T09:29:01.328428Z","outcomes":"[\"Up\", \"Down\"]","outcomePrices":"[\"0.505\", \"0.495\"]","volume":"9.999997",
         "active":true,"closed":false,"marketMakerAddress":"","archived":false,"restricted":true,
         "questionID":"0x15813764bba41cfb5f99e2e649cfbae7a121a9f8f91ed47ca261aab95e9729de","enableOrderBook":true,"orderPriceMinTickSize":0.01,"orderMinSize":5,
         "volumeNum":9.999997,"liquidityNum":20328.3747,"endDateIso":"2026-03-12","startDateIso":"2026-03-11",
         "clobTokenIds":"[\"104239898038807136052399800151408521467737075933964991162589336683346093173875\", \"71183960810705820955071415844881728181970340514894896943812046065452395013351\"]",
         "volumeClob":9.999997,"liquidityClob":20328.3747,"makerBaseFee":1000,"takerBaseFee":1000,"acceptingOrders":true,"negRisk":false,
         "events":[{"id":"260654","slug":"btc-updown-5m-1773307200","active":true,"closed":false,"negRisk":false,"enableNegRisk":false,"negRiskAugmented":false,"startTime":"2026-03-12T09:20:00Z","seriesSlug":"btc-up-or-down-5m"}],
         "acceptingOrdersTimestamp":"2026-03-11T09:27:55Z","competitive":0.9999750006249843,"rewardsMinSize":50,"rewardsMaxSpread":4.5,"spread":0.009,
         "lastTradePrice":0.51,"bestBid":0.5,"bestAsk":0.51,"clearBookOnStart":false,"negRiskOther":false,"umaResolutionStatuses":"[]","rfqEnabled":false,
         "eventStartTime":"2026-03-12T09:20:00Z","holdingRewardsEnabled":false,"feesEnabled":true,"makerRebatesFeeShareBps":10000,"feeType":"crypto_fees"}
        """;

    // Compact /clob-markets details for the same market (field names from ORDERS-V2-V3.md section 3.5; values made up to match).
    public const string ClobDetailsJson = """
        {"c":"0x78443f961b9a65869dcb39359de9960165c7e5cbad0904eac7f29cd77872a63b",
         "t":[{"t":"104239898038807136052399800151408521467737075933964991162589336683346093173875","o":"Up"},{"t":"71183960810705820955071415844881728181970340514894896943812046065452395013351","o":"Down"}],
         "mts":0.01,"fd":{"r":0.072,"e":1,"to":true},"mbf":1000,"tbf":1000,"r":{"mi":50,"ma":4.5,"e":true,"smoa":false,"moas":10},
         "ao":true,"mos":5,"sd":0,"cbos":false,"aot":"2026-03-11T09:27:55Z","rfqe":false,"itode":false,"ibce":false}
        """;

    private static readonly JsonSerializerOptions Options = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString };

    public static GammaMarket Reference() => JsonSerializer.Deserialize<GammaMarket>(ReferenceJson, Options)!;

    public static MarketDetails ClobDetails() => JsonSerializer.Deserialize<MarketDetails>(ClobDetailsJson, Options)!;

    public static readonly long EndMs = DateTimeOffset.Parse("2026-03-12T09:25:00Z").ToUnixTimeMilliseconds();
    public static readonly long EventStartMs = DateTimeOffset.Parse("2026-03-12T09:20:00Z").ToUnixTimeMilliseconds();
}
