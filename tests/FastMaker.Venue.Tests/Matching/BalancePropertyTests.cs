using FastMaker.Primitives;
using FastMaker.Venue.Flow;
using FastMaker.Venue.Matching;
using FsCheck.Xunit;

namespace FastMaker.Venue.Tests.Matching;

/// <summary>
/// Random flow (FsCheck drives the op list) against a shadow ledger rebuilt only from the trade
/// records: for every trade the legs agree on size and price and the fee follows the formula;
/// balances move by exactly those amounts; collateral plus minted pairs is conserved; nothing goes
/// negative; reservations equal what the open orders need.
/// </summary>
public class BalancePropertyTests
{
    private const int Accounts = 4;
    private const long StartCollateral = 1_000_000_000; // 1000 pUSD
    private const long StartTokens = 200_000_000;       // 200 shares of each outcome

    [Property(MaxTest = 120)]
    public void RandomFlow_KeepsEveryBalanceExact(int[] ops, bool withFees, bool withFailures) => RunFlow(ops, withFees, withFailures);

    [Fact]
    public void LongRandomFlow_ExercisesMintMergeTransferFeesAndFailures_WithExactBalances()
    {
        var r = new DeterministicRandom(2026);
        int[] ops = new int[3000];
        for (int i = 0; i < ops.Length; i++)
            ops[i] = (int)r.NextUInt64();

        FlowStats stats = RunFlow(ops, withFees: true, withFailures: true);

        Assert.True(stats.Mints > 20 && stats.Merges > 20 && stats.Transfers > 20, $"mint {stats.Mints}, merge {stats.Merges}, transfer {stats.Transfers}");
        Assert.True(stats.Failed > 5, "failed " + stats.Failed);
        Assert.True(stats.Fees > 0);
    }

    private readonly record struct FlowStats(int Mints, int Merges, int Transfers, int Failed, long Fees);

    private static FlowStats RunFlow(int[] ops, bool withFees, bool withFailures)
    {
        var f = new EngineFixture(
            new EngineOptions { Seed = 5, MinedDelay = TimeSpan.FromSeconds(1), ConfirmedDelay = TimeSpan.FromSeconds(1), SettlementFailureRate = withFailures ? 0.25 : 0 },
            feeRatePpm: withFees ? 70_000 : 0, minSizeRaw: 1_000_000);
        var shadow = new Dictionary<(int Account, int Asset), long>();
        for (int a = 1; a <= Accounts; a++)
        {
            f.Fund(a, StartCollateral / 1_000_000m);
            f.FundTokens(a, f.Yes, StartTokens / 1_000_000m);
            f.FundTokens(a, f.No, StartTokens / 1_000_000m);
            shadow[(a, 0)] = StartCollateral;
            shadow[(a, 1)] = StartTokens;
            shadow[(a, 2)] = StartTokens;
        }
        var limits = new Dictionary<Hash32, (Side Side, int Outcome, int Price)>();
        int tradesSeen = 0, statusesSeen = 0;

        foreach (int op in ops)
        {
            var r = new DeterministicRandom((ulong)(uint)op);
            int account = (int)r.NextLong(1, Accounts);
            int kind = (int)r.NextLong(0, 9);
            if (kind <= 6)
            {
                int outcome = (int)r.NextLong(0, 1);
                Side side = r.NextDouble() < 0.5 ? Side.Buy : Side.Sell;
                int price = (int)r.NextLong(1, 99) * 10_000;
                long size = r.NextLong(1, 4000) * 10_000;
                OrderType type = kind <= 4 ? OrderType.Gtc : kind == 5 ? OrderType.Fok : OrderType.Fak;
                OrderRequest req = f.Limit(account, outcome == 0 ? f.Yes : f.No, side, price / 1_000_000m, size / 1_000_000m, type, postOnly: kind == 0);
                SubmitResult result = f.Submit(req);
                if (result.Success)
                    limits[req.OrderId] = (side, outcome, price);
            }
            else if (kind <= 8)
            {
                List<OrderView> open = f.Engine.OpenOrders(EngineFixture.Owner(account));
                if (open.Count > 0)
                    f.Engine.Cancel(EngineFixture.Owner(account), open[(int)r.NextLong(0, open.Count - 1)].Id);
            }
            else
            {
                f.Clock.Advance(TimeSpan.FromMilliseconds(r.NextLong(100, 3000)));
                f.Engine.ProcessDue();
            }

            for (; tradesSeen < f.Events.Trades.Count; tradesSeen++)
            {
                TradeRecord t = f.Events.Trades[tradesSeen];
                CheckLegs(f, t, limits);
                Apply(shadow, f, t, +1);
            }
            for (; statusesSeen < f.Events.TradeStatuses.Count; statusesSeen++)
            {
                TradeStatusChange s = f.Events.TradeStatuses[statusesSeen];
                if (s.Status == TradeStatus.Failed)
                    Apply(shadow, f, s.Trade, -1);
            }
            CheckLedger(f, shadow);
        }
        return new FlowStats(
            f.Events.Trades.Count(t => t.Kind == SettlementKind.Mint),
            f.Events.Trades.Count(t => t.Kind == SettlementKind.Merge),
            f.Events.Trades.Count(t => t.Kind == SettlementKind.Transfer),
            f.Events.TradeStatuses.Count(s => s.Status == TradeStatus.Failed),
            f.Ledger.FeesCollected);
    }

    private static int AccountNumber(EthAddress address)
    {
        for (int a = 1; a <= Accounts; a++)
            if (EngineFixture.Address(a) == address)
                return a;
        throw new InvalidOperationException("unknown address " + address);
    }

    private static void CheckLegs(EngineFixture f, TradeRecord t, Dictionary<Hash32, (Side Side, int Outcome, int Price)> limits)
    {
        long size = t.Size.Raw;
        Assert.True(size > 0);
        if (t.Kind == SettlementKind.Transfer)
        {
            Assert.Equal(t.MakerOutcome, t.TakerOutcome);
            Assert.NotEqual(t.MakerSide, t.TakerSide);
            Assert.Equal(t.MakerPrice, t.TakerPrice);
            Assert.Equal(t.MakerCollateral, t.TakerCollateral);
        }
        else
        {
            Assert.NotEqual(t.MakerOutcome, t.TakerOutcome);
            Assert.Equal(t.MakerSide, t.TakerSide);
            Assert.Equal(t.Kind == SettlementKind.Mint ? Side.Buy : Side.Sell, t.MakerSide);
            Assert.Equal(1_000_000, t.MakerPrice.Raw + t.TakerPrice.Raw);
            Assert.Equal(size, t.MakerCollateral.Raw + t.TakerCollateral.Raw);
        }
        // Collateral legs are size x price, rounded by at most one unit.
        Assert.InRange(t.MakerCollateral.Raw * 1_000_000 - size * t.MakerPrice.Raw, -999_999, 999_999);
        // The trade is at the maker's limit and within the taker's.
        (Side mSide, int mOutcome, int mPrice) = limits[t.MakerOrderId];
        Assert.Equal((mSide, mOutcome, mPrice), (t.MakerSide, t.MakerOutcome, t.MakerPrice.Raw));
        (Side tSide, int tOutcome, int tPrice) = limits[t.TakerOrderId];
        Assert.Equal((tSide, tOutcome), (t.TakerSide, t.TakerOutcome));
        Assert.True(tSide == Side.Buy ? t.TakerPrice.Raw <= tPrice : t.TakerPrice.Raw >= tPrice);
        Assert.Equal(FeeCalculator.TakerFee(size, t.TakerPrice.Raw, f.Market.TakerFeeRatePpm, f.Market.TakerFeeExponent), t.Fee.Raw);
    }

    private static void Apply(Dictionary<(int, int), long> shadow, EngineFixture f, TradeRecord t, int sign)
    {
        long size = t.Size.Raw;
        int maker = AccountNumber(t.MakerAddress), taker = AccountNumber(t.TakerAddress);
        int makerAsset = 1 + t.MakerOutcome, takerAsset = 1 + t.TakerOutcome;
        if (t.MakerSide == Side.Buy)
        {
            shadow[(maker, 0)] -= sign * t.MakerCollateral.Raw;
            shadow[(maker, makerAsset)] += sign * size;
        }
        else
        {
            shadow[(maker, 0)] += sign * t.MakerCollateral.Raw;
            shadow[(maker, makerAsset)] -= sign * size;
        }
        if (t.TakerSide == Side.Buy)
        {
            shadow[(taker, 0)] -= sign * (t.TakerCollateral.Raw + t.Fee.Raw);
            shadow[(taker, takerAsset)] += sign * size;
        }
        else
        {
            shadow[(taker, 0)] += sign * (t.TakerCollateral.Raw - t.Fee.Raw);
            shadow[(taker, takerAsset)] -= sign * size;
        }
    }

    private static void CheckLedger(EngineFixture f, Dictionary<(int Account, int Asset), long> shadow)
    {
        long collateral = 0, yes = 0, no = 0;
        for (int a = 1; a <= Accounts; a++)
        {
            int account = f.Ledger.AccountOf(EngineFixture.Address(a));
            long[] balances = [f.Collateral(a), f.Tokens(a, f.Yes), f.Tokens(a, f.No)];
            for (int asset = 0; asset < 3; asset++)
            {
                Assert.Equal(shadow[(a, asset)], balances[asset]);
                Assert.True(balances[asset] >= 0, "negative balance");
                Assert.True(f.Ledger.Available(account, asset) >= 0, "negative available");
            }
            collateral += balances[0];
            yes += balances[1];
            no += balances[2];

            // Reservations equal what the open orders need: BUY ceil(price x remaining), SELL remaining.
            long reservedCollateral = 0, reservedYes = 0, reservedNo = 0;
            foreach (OrderView o in f.Engine.OpenOrders(EngineFixture.Owner(a)))
            {
                long remaining = o.OriginalSize.Raw - o.SizeMatched.Raw;
                if (o.Side == Side.Buy)
                    reservedCollateral += (remaining * o.Price.Raw + 999_999) / 1_000_000;
                else if (o.AssetId == f.Yes)
                    reservedYes += remaining;
                else
                    reservedNo += remaining;
            }
            Assert.Equal(reservedCollateral, f.Ledger.Reserved(account, 0));
            Assert.Equal(reservedYes, f.Ledger.Reserved(account, 1));
            Assert.Equal(reservedNo, f.Ledger.Reserved(account, 2));
        }
        // Conservation: collateral + fees + minted pairs; YES and NO supply move together.
        Assert.Equal(Accounts * (StartCollateral + StartTokens), collateral + f.Ledger.FeesCollected + yes);
        Assert.Equal(yes, no);
    }
}
