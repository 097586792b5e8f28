using FastMaker.Engine.Time;
using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// The quote model of one binary market: a pure function from <see cref="QuoteInputs"/> to the desired quotes of
/// both tokens. Everything is computed in YES price space and mirrored: the NO bid is 1 - the YES ask, the NO ask is
/// 1 - the YES bid, so the four orders are two unified sides ("buy YES" = YES bid + NO ask, "sell YES" = YES ask +
/// NO bid). Sells need tokens held, so each unified side is served first by selling what we hold and the rest by
/// bidding the other token (two-bid quoting).
/// </summary>
/// <remarks>
/// <code>
/// p        = FV / 1                                        (fair value: unified microprice, see FairValue)
/// fee      = rate x (p(1-p))^exponent                      taker fee per share
/// floor    = max(minTicks x tick, fee x (1 - rebateShare)) a maker-in / taker-out round trip breaks even
/// half     = max(baseHalf, floor) + premium x toxicity
/// u        = clamp(net / cap, -1, 1)                       net = YES held - NO held
/// tau      = clamp(timeToEnd / skewHorizon, 0, 1)
/// skew     = skewMax x u x 4p(1-p) x (1 + urgency x (1 - tau))
/// r        = FV - skew                                     reservation price, moves against inventory
/// bid, ask = floor_tick(r - half), ceil_tick(r + half)     rounded away from the touch
/// </code>
/// The skew scales with p(1-p) (a binary's terminal variance) and grows as the end nears: a binary jumps to 0 or 1
/// at resolution, so inventory held late carries more risk, not less (unlike Avellaneda-Stoikov's diffusion).
/// Post-only: a bid at or above the unified best ask moves to one tick below it, an ask at or below the unified
/// best bid to one tick above it. Sizes: base x taper(time to end) / (1 + k x toxicity), at least the min size.
/// Rewards: when they pay (Q_min of the reward quote beats the plain quote's) and toxicity is below the widen
/// threshold, each side moves to within <see cref="QuoteOptions.RewardSpreadFraction"/> of the max spread of the
/// adjusted midpoint (never inside the fee and toxicity floor), sized at least the reward min size. Toxicity
/// overrides rewards: at the widen threshold rewards are ignored and the premium widens; at the pull threshold
/// nothing is quoted.
/// </remarks>
public static class QuoteModel
{
    private const long Lot = 10_000; // sizes have 2 decimals on every tick grid

    /// <summary>Computes the desired quotes of the YES and NO tokens; both structs keep their token index.</summary>
    public static void Compute(in QuoteInputs input, QuoteOptions options, ref DesiredQuote yes, ref DesiredQuote no)
    {
        yes.Reset();
        no.Reset();
        var reason = Evaluate(in input, options, ref yes, ref no);
        yes.Reason = reason;
        no.Reason = reason;
        yes.Toxicity = input.Toxicity;
        no.Toxicity = input.Toxicity;
        if (!double.IsNaN(input.FairValueRaw))
        {
            yes.FairValueRaw = input.FairValueRaw;
            no.FairValueRaw = Price.Scale - input.FairValueRaw;
        }
    }

    /// <summary>Taker fee per share at price p (fraction of 1): rate x (p(1-p))^exponent.</summary>
    public static double TakerFeePerShare(double p, int feeRateBps, int exponent)
    {
        var variance = p * (1 - p);
        var factor = 1.0;
        for (var i = 0; i < exponent; i++)
        {
            factor *= variance;
        }

        return feeRateBps / 10_000.0 * factor;
    }

    private static QuoteReason Evaluate(in QuoteInputs input, QuoteOptions options, ref DesiredQuote yes, ref DesiredQuote no)
    {
        if (!input.MetadataComplete || !input.Tick.IsValid || input.MinSize.Raw <= 0)
        {
            return QuoteReason.Metadata;
        }

        var makerAllowed = MarketStateRules.AllowsMakerQuotes(input.State);
        var reducingOnly = !makerAllowed && MarketStateRules.AllowsReducingOrders(input.State);
        if (!makerAllowed && !reducingOnly)
        {
            return QuoteReason.MarketState;
        }

        var fair = input.FairValueRaw;
        if (!input.BooksQuotable || double.IsNaN(fair) || fair <= 0 || fair >= Price.Scale)
        {
            return QuoteReason.BookNotTrusted;
        }

        var reason = reducingOnly ? QuoteReason.MarketState : QuoteReason.None;
        var toxicity = Math.Clamp(input.Toxicity, 0, 1);
        if (toxicity >= options.ToxicityPullThreshold)
        {
            return reason | QuoteReason.Toxicity;
        }

        if (toxicity >= options.ToxicityWidenThreshold)
        {
            reason |= QuoteReason.Toxicity;
        }

        var tick = input.Tick.Value.Raw;
        var p = fair / Price.Scale;
        var variance = p * (1 - p);
        var feeFloor = TakerFeePerShare(p, input.TakerFeeRateBps, input.FeeExponent) * (1 - options.MakerRebateShare) * Price.Scale;
        var floorHalf = Math.Max((double)options.MinHalfSpreadTicks * tick, feeFloor);
        var premium = options.ToxicityPremiumRaw * toxicity;
        var half = Math.Max(options.BaseHalfSpreadRaw, floorHalf) + premium;

        var net = (double)(input.HoldYes.Raw - input.HoldNo.Raw);
        var cap = (double)options.InventoryCap.Raw;
        var u = Math.Clamp(net / cap, -1, 1);
        var tau = Math.Clamp((double)input.TimeToEndMs / options.SkewHorizonMs, 0, 1);
        var skew = options.SkewMaxRaw * u * 4 * variance * (1 + options.EndUrgency * (1 - tau));
        var reservation = fair - skew;

        var wantBuy = !reducingOnly;
        var wantSell = !reducingOnly;
        if (net >= options.SoftCapFraction * cap)
        {
            wantBuy = false;
            reason |= QuoteReason.InventoryCap;
        }

        if (net <= -options.SoftCapFraction * cap)
        {
            wantSell = false;
            reason |= QuoteReason.InventoryCap;
        }

        var taper = Math.Clamp((double)input.TimeToEndMs / options.TaperHorizonMs, 0, 1);
        var size = RoundLot(options.BaseSize.Raw * taper / (1 + options.ToxicitySizeFactor * toxicity), input.MinSize.Raw);

        var plain = Place(in input, reservation - half, reservation + half, size, wantBuy, wantSell, reducingOnly);
        var plainScore = Score(in input, in plain);

        if (options.RewardsEnabled && input.HasRewards && !reducingOnly && toxicity < options.ToxicityWidenThreshold
            && input.RewardsMaxSpread.Raw > 0)
        {
            double maxSpread = input.RewardsMaxSpread.Raw;
            var distance = Math.Max(options.RewardSpreadFraction * maxSpread, floorHalf + premium);
            if (distance < maxSpread)
            {
                var mid = double.IsNaN(input.RewardMidRaw) ? fair : input.RewardMidRaw;
                var rewardSize = Math.Max(size, RoundLot(input.RewardsMinSize.Raw, input.MinSize.Raw));
                // Only ever tighten toward the band; the skew still shifts the reward quote.
                var bid = Math.Max(reservation - half, mid - skew - distance);
                var ask = Math.Min(reservation + half, mid - skew + distance);
                var rewarded = Place(in input, bid, ask, rewardSize, wantBuy, wantSell, reducingOnly);
                var rewardedScore = Score(in input, in rewarded);
                if (rewardedScore > plainScore)
                {
                    Apply(in rewarded, rewardedScore, ref yes, ref no);
                    return reason | rewarded.Reason | QuoteReason.Rewards;
                }
            }
        }

        Apply(in plain, plainScore, ref yes, ref no);
        return reason | plain.Reason;
    }

    /// <summary>Four orders of a market in YES space.</summary>
    private struct Placement
    {
        public int Bid;            // YES bid price; the NO ask is 1 - Bid
        public int Ask;            // YES ask price; the NO bid is 1 - Ask
        public long YesBidSize;
        public long NoAskSize;
        public long YesAskSize;
        public long NoBidSize;
        public QuoteReason Reason;
    }

    private static Placement Place(in QuoteInputs input, double bidRaw, double askRaw, long size, bool wantBuy, bool wantSell, bool reducingOnly)
    {
        var placement = default(Placement);
        var tick = input.Tick;
        var t = tick.Value.Raw;
        var bid = tick.RoundAwayFromTouch(Price.FromRaw(ToInt(Math.Floor(bidRaw))), Side.Buy).Raw;
        var ask = tick.RoundAwayFromTouch(Price.FromRaw(ToInt(Math.Ceiling(askRaw))), Side.Sell).Raw;
        if (input.HasBestAsk && bid >= input.BestAsk.Raw)
        {
            bid = input.BestAsk.Raw - t;
            placement.Reason |= QuoteReason.WouldCross;
        }

        if (input.HasBestBid && ask <= input.BestBid.Raw)
        {
            ask = input.BestBid.Raw + t;
            placement.Reason |= QuoteReason.WouldCross;
        }

        placement.Bid = bid;
        placement.Ask = ask;
        var minSize = input.MinSize.Raw;
        var bidValid = bid >= t && bid <= Price.Scale - t;
        var askValid = ask >= t && ask <= Price.Scale - t;

        // Buy YES side: sell NO held first (at 1 - bid), bid YES for the rest.
        if (bidValid && (wantBuy || reducingOnly))
        {
            var sellNo = Math.Min(FloorLot(input.HoldNo.Raw), size);
            placement.NoAskSize = sellNo >= minSize ? sellNo : 0;
            var rest = size - placement.NoAskSize;
            placement.YesBidSize = !reducingOnly && rest >= minSize ? rest : 0;
        }

        // Sell YES side: sell YES held first (at ask), bid NO for the rest.
        if (askValid && (wantSell || reducingOnly))
        {
            var sellYes = Math.Min(FloorLot(input.HoldYes.Raw), size);
            placement.YesAskSize = sellYes >= minSize ? sellYes : 0;
            var rest = size - placement.YesAskSize;
            placement.NoBidSize = !reducingOnly && rest >= minSize ? rest : 0;
        }

        return placement;
    }

    private static double Score(in QuoteInputs input, in Placement placement)
    {
        if (!input.HasRewards || input.RewardsMaxSpread.Raw <= 0)
        {
            return 0;
        }

        var mid = double.IsNaN(input.RewardMidRaw) ? input.FairValueRaw : input.RewardMidRaw;
        var min = input.RewardsMinSize.Raw;
        double maxSpread = input.RewardsMaxSpread.Raw;
        var one = Scoring(placement.YesBidSize, min) + Scoring(placement.NoAskSize, min);
        var two = Scoring(placement.YesAskSize, min) + Scoring(placement.NoBidSize, min);
        var qOne = one > 0 ? RewardScore.OrderScore(maxSpread, mid - placement.Bid) * one : 0;
        var qTwo = two > 0 ? RewardScore.OrderScore(maxSpread, placement.Ask - mid) * two : 0;
        return RewardScore.QMin(qOne, qTwo, mid);
    }

    private static double Scoring(long sizeRaw, long minRaw) => sizeRaw > 0 && sizeRaw >= minRaw ? sizeRaw / (double)Quantity.Scale : 0;

    private static void Apply(in Placement placement, double score, ref DesiredQuote yes, ref DesiredQuote no)
    {
        if (placement.YesBidSize > 0)
        {
            yes.HasBid = true;
            yes.BidPrice = Price.FromRaw(placement.Bid);
            yes.BidSize = Quantity.FromRaw(placement.YesBidSize);
        }

        if (placement.YesAskSize > 0)
        {
            yes.HasAsk = true;
            yes.AskPrice = Price.FromRaw(placement.Ask);
            yes.AskSize = Quantity.FromRaw(placement.YesAskSize);
        }

        if (placement.NoBidSize > 0)
        {
            no.HasBid = true;
            no.BidPrice = Price.FromRaw(Price.Scale - placement.Ask);
            no.BidSize = Quantity.FromRaw(placement.NoBidSize);
        }

        if (placement.NoAskSize > 0)
        {
            no.HasAsk = true;
            no.AskPrice = Price.FromRaw(Price.Scale - placement.Bid);
            no.AskSize = Quantity.FromRaw(placement.NoAskSize);
        }

        yes.RewardScore = score;
        no.RewardScore = score;
    }

    private static long FloorLot(long raw) => raw <= 0 ? 0 : raw - raw % Lot;

    private static long RoundLot(double raw, long minRaw) => Math.Max(FloorLot((long)raw), minRaw);

    private static int ToInt(double raw) => (int)Math.Clamp(raw, -Price.Scale, 2.0 * Price.Scale);
}
