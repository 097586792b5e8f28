using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Registry;

public class MarketMetadataMapperTests
{
    private static MarketMetadata Map(GammaMarket market)
    {
        Assert.True(MarketMetadataMapper.TryFromGamma(market, out var metadata, out var rejected), rejected?.Reason);
        return metadata!;
    }

    private static GammaMarket WithFees(GammaMarket m) => m with { FeeSchedule = new GammaFeeSchedule(0.072m, 1m, true) };

    [Fact]
    public void ReferenceGammaMarket_MapsEveryMakerField()
    {
        var m = Map(GammaFixtures.Reference());

        Assert.Equal(Hash32.Parse(GammaFixtures.Condition), m.ConditionId);
        Assert.Equal(UInt256.Parse(GammaFixtures.Up), m.YesToken);
        Assert.Equal(UInt256.Parse(GammaFixtures.Down), m.NoToken);
        Assert.Equal(new[] { "Up", "Down" }, m.Outcomes);
        Assert.Equal(TickSize.Hundredth, m.Tick);
        Assert.Equal(Quantity.Parse("5"), m.MinOrderSize);
        Assert.Equal(GammaFixtures.EndMs, m.EndMs);
        Assert.Equal(GammaFixtures.EventStartMs, m.EventStartMs);
        Assert.Equal(DateTimeOffset.Parse("2026-03-11T09:29:01.328428Z").ToUnixTimeMilliseconds(), m.StartMs);
        Assert.Null(m.GameStartMs);
        Assert.True(m.AcceptingOrders);
        Assert.False(m.Closed);
        Assert.False(m.NegRisk);
        Assert.False(m.EventNegRisk);
        Assert.False(m.NegRiskAugmented);
        Assert.False(m.NegRiskOther);
        Assert.Null(m.NegRiskMarketId);
        Assert.Equal("260654", m.EventId);
        Assert.Equal(Quantity.Parse("50"), m.RewardsMinSize);
        Assert.Equal(Price.Parse("0.045"), m.RewardsMaxSpread);
        Assert.Equal(ResolutionStatus.Open, m.Resolution);
        Assert.True(m.FeesEnabled);

        // The trimmed reference has feesEnabled but no fee rate: it is not quoted until a rate is known.
        Assert.Null(m.TakerFeeRateBps);
        Assert.Contains("feesEnabled but no fee rate", m.NotQuotableReason);
        Assert.Single(m.Problems);
    }

    [Fact]
    public void ReferenceGammaMarket_WithAFeeSchedule_IsQuotable()
    {
        var m = Map(WithFees(GammaFixtures.Reference()));
        Assert.Null(m.NotQuotableReason);
        Assert.Equal(720, m.TakerFeeRateBps);
        Assert.Equal(1, m.FeeExponent);
        Assert.True(m.FeeTakerOnly);
    }

    [Fact]
    public void GammaJson_FeeScheduleAndCurrentUmaStatus_AreRead()
    {
        var json = GammaFixtures.ReferenceJson.Replace(
            "\"feeType\":\"crypto_fees\"",
            "\"feeType\":\"crypto_fees\",\"feeSchedule\":{\"rate\":\"0.05\",\"exponent\":1,\"takerOnly\":true},\"umaResolutionStatus\":\"proposed\"");
        var gamma = System.Text.Json.JsonSerializer.Deserialize<GammaMarket>(json,
            new System.Text.Json.JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString })!;
        var m = Map(gamma);
        Assert.Equal(500, m.TakerFeeRateBps);
        Assert.Equal(ResolutionStatus.Proposed, m.Resolution);
        Assert.Null(m.NotQuotableReason);
    }

    [Fact]
    public void ClobDetails_SupplyTheFeeRate_AndOverrideTickAndMinSize()
    {
        var details = GammaFixtures.ClobDetails() with { MinTickSize = 0.001m, MinOrderSize = 10m };
        var m = MarketMetadataMapper.WithClobDetails(Map(GammaFixtures.Reference()), details);

        Assert.Null(m.NotQuotableReason);
        Assert.Equal(720, m.TakerFeeRateBps);
        Assert.Equal(TickSize.Thousandth, m.Tick);
        Assert.Equal(Quantity.Parse("10"), m.MinOrderSize);
        Assert.Equal(0, m.SecondsDelay);
        Assert.Equal(Quantity.Parse("50"), m.RewardsMinSize);
        Assert.Equal(Price.Parse("0.045"), m.RewardsMaxSpread);
        Assert.False(m.NegRisk);
    }

    [Fact]
    public void ClobDetails_WithAGameStart_SetTheEventClock()
    {
        var details = GammaFixtures.ClobDetails() with { GameStartTime = "2026-03-12T09:00:00Z", ClearBookOnStart = true, SecondsDelay = 3m };
        var m = MarketMetadataMapper.WithClobDetails(Map(GammaFixtures.Reference()), details);
        Assert.Equal(DateTimeOffset.Parse("2026-03-12T09:00:00Z").ToUnixTimeMilliseconds(), m.GameStartMs);
        Assert.True(m.ClearBookOnStart);
        Assert.Equal(3, m.SecondsDelay);
    }

    [Theory]
    [InlineData("conditionId")]
    [InlineData("clobTokenIds")]
    [InlineData("sameTokens")]
    [InlineData("badToken")]
    public void MarketThatCannotBeIdentified_IsRejectedWithTheReason(string broken)
    {
        var m = GammaFixtures.Reference();
        m = broken switch
        {
            "conditionId" => m with { ConditionId = "0x1234" },
            "clobTokenIds" => m with { ClobTokenIds = [] },
            "sameTokens" => m with { ClobTokenIds = [GammaFixtures.Up, GammaFixtures.Up] },
            _ => m with { ClobTokenIds = ["12x", GammaFixtures.Down] },
        };

        Assert.False(MarketMetadataMapper.TryFromGamma(m, out var metadata, out var rejected));
        Assert.Null(metadata);
        Assert.Contains(broken is "conditionId" ? "conditionId" : "clobTokenIds", rejected!.Reason);
    }

    public static TheoryData<string, string> BrokenFields => new()
    {
        { "outcomes", "outcomes must hold 2 names, got 3" },
        { "tickMissing", "orderPriceMinTickSize missing (a tick size is never defaulted)" },
        { "tickInvalid", "orderPriceMinTickSize 0.03 is not a venue tick" },
        { "minSizeMissing", "orderMinSize missing" },
        { "minSizeZero", "orderMinSize 0 is not a positive size" },
        { "feesMissing", "fee parameters missing" },
        { "feeRateFraction", "feeSchedule rate 0.00005" },
        { "acceptingOrders", "acceptingOrders missing" },
        { "closed", "closed missing" },
        { "negRisk", "negRisk missing" },
        { "negRiskMarketIdMissing", "negRisk market without negRiskMarketID" },
        { "negRiskMarketIdBad", "negRiskMarketID is not 0x + 64 hex" },
        { "negRiskWithoutEvent", "negRisk market without an event" },
        { "negRiskDisagrees", "negRisk is true on the market but false on event 260654" },
        { "negRiskOther", "the augmented negRisk event's Other market is never quoted" },
        { "endDate", "endDate 'next tuesday' is not a date" },
        { "gameStart", "gameStartTime 'soon' is not a date" },
        { "uma", "unknown umaResolutionStatus 'pending-ish'" },
        { "rewards", "rewards max spread 0.00001 cents is not a price distance" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void MarketWithABrokenField_IsNotQuotable_AndSaysWhy(string broken, string reason)
    {
        var m = WithFees(GammaFixtures.Reference());
        const string negRiskId = "0x15813764bba41cfb5f99e2e649cfbae7a121a9f8f91ed47ca261aab95e9729de";
        var negRiskEvent = new GammaEvent("260654", null, null, true, false, true, true, false, null, null, null, null, null);
        m = broken switch
        {
            "outcomes" => m with { Outcomes = ["A", "B", "C"] },
            "tickMissing" => m with { OrderPriceMinTickSize = null },
            "tickInvalid" => m with { OrderPriceMinTickSize = 0.03m },
            "minSizeMissing" => m with { OrderMinSize = null },
            "minSizeZero" => m with { OrderMinSize = 0m },
            "feesMissing" => m with { FeesEnabled = null, FeeSchedule = null },
            "feeRateFraction" => m with { FeeSchedule = new GammaFeeSchedule(0.00005m, 1m, true) },
            "acceptingOrders" => m with { AcceptingOrders = null },
            "closed" => m with { Closed = null },
            "negRisk" => m with { NegRisk = null },
            "negRiskMarketIdMissing" => m with { NegRisk = true, Events = [negRiskEvent] },
            "negRiskMarketIdBad" => m with { NegRisk = true, NegRiskMarketId = "0xnope", Events = [negRiskEvent] },
            "negRiskWithoutEvent" => m with { NegRisk = true, NegRiskMarketId = negRiskId, Events = null },
            "negRiskDisagrees" => m with { NegRisk = true, NegRiskMarketId = negRiskId },
            "negRiskOther" => m with { NegRiskOther = true },
            "endDate" => m with { EndDate = "next tuesday" },
            "gameStart" => m with { GameStartTime = "soon" },
            "uma" => m with { UmaResolutionStatus = "pending-ish" },
            "rewards" => m with { RewardsMaxSpread = 0.00001m },
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        var metadata = Map(m);
        Assert.NotNull(metadata.NotQuotableReason);
        Assert.Contains(reason, metadata.NotQuotableReason);
    }

    [Fact]
    public void MissingTick_IsNeverDefaulted()
    {
        var m = Map(WithFees(GammaFixtures.Reference()) with { OrderPriceMinTickSize = null });
        Assert.Null(m.Tick);
        Assert.NotNull(m.NotQuotableReason);
    }

    [Fact]
    public void MissingVenueState_MapsToTheRestrictiveValue()
    {
        var m = Map(WithFees(GammaFixtures.Reference()) with { EnableOrderBook = false });
        Assert.False(m.AcceptingOrders);
    }

    [Fact]
    public void NegRiskMarket_BoundToItsNegRiskEvent_IsQuotable()
    {
        var m = Map(WithFees(GammaFixtures.Reference()) with
        {
            NegRisk = true,
            NegRiskMarketId = "0x15813764bba41cfb5f99e2e649cfbae7a121a9f8f91ed47ca261aab95e9729de",
            Events = [new GammaEvent("900", null, null, true, false, true, true, true, null, null, null, null, null)],
        });
        Assert.Null(m.NotQuotableReason);
        Assert.True(m.NegRisk);
        Assert.True(m.EventNegRisk);
        Assert.True(m.NegRiskAugmented);
        Assert.Equal("900", m.EventId);
    }

    [Theory]
    [InlineData("[\"proposed\"]", null, ResolutionStatus.Proposed)]
    [InlineData("[\"proposed\",\"disputed\"]", null, ResolutionStatus.Disputed)]
    [InlineData("[\"proposed\",\"disputed\",\"proposed\"]", null, ResolutionStatus.Proposed)]
    [InlineData("[\"proposed\"]", "resolved", ResolutionStatus.Resolved)]
    [InlineData("[]", null, ResolutionStatus.Open)]
    public void UmaStatus_TheCurrentOneWins(string statuses, string? current, ResolutionStatus expected)
    {
        var history = System.Text.Json.JsonSerializer.Deserialize<string[]>(statuses)!;
        var m = Map(WithFees(GammaFixtures.Reference()) with { UmaResolutionStatuses = history, UmaResolutionStatus = current });
        Assert.Equal(expected, m.Resolution);
    }

    [Fact]
    public void ClobDetails_BeforeHydration_MakeTheMarketNotQuotable()
    {
        var details = GammaFixtures.ClobDetails() with { Tokens = [] };
        var m = MarketMetadataMapper.WithClobDetails(Map(WithFees(GammaFixtures.Reference())), details);
        Assert.Contains("hydration window", m.NotQuotableReason);
    }

    [Fact]
    public void ClobDetails_WithOtherTokens_MakeTheMarketNotQuotable()
    {
        var details = GammaFixtures.ClobDetails() with { Tokens = [new MarketDetailsToken("1", "Up"), new MarketDetailsToken("2", "Down")] };
        var m = MarketMetadataMapper.WithClobDetails(Map(WithFees(GammaFixtures.Reference())), details);
        Assert.Contains("differ from Gamma's", m.NotQuotableReason);
    }

    [Fact]
    public void ClobDetails_DisagreeingOnNegRisk_MakeTheMarketNotQuotable()
    {
        var details = GammaFixtures.ClobDetails() with { NegRisk = true };
        var m = MarketMetadataMapper.WithClobDetails(Map(WithFees(GammaFixtures.Reference())), details);
        Assert.Contains("negRisk is false on Gamma but true on the CLOB", m.NotQuotableReason);
    }

    [Fact]
    public void ClobDetails_Unavailable_MakeTheMarketNotQuotable_UntilTheyArrive()
    {
        var gamma = Map(WithFees(GammaFixtures.Reference()));
        var unavailable = MarketMetadataMapper.WithClobUnavailable(gamma, "404 Not Found");
        Assert.Contains("CLOB market details unavailable: 404 Not Found", unavailable.NotQuotableReason);
        Assert.Null(MarketMetadataMapper.WithClobDetails(unavailable, GammaFixtures.ClobDetails()).NotQuotableReason);
    }
}
