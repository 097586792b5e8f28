using FastMaker.Primitives;
using Asset = FastMaker.Venue.Ledger.Asset;

namespace FastMaker.Venue.Matching;

public sealed partial class MatchingEngine
{
    // Delays are constant, so due times are monotonic in insertion order: FIFOs suffice.
    private readonly Queue<TradeRecord> _awaitingMined = new();
    private readonly Queue<TradeRecord> _awaitingConfirmed = new();

    private void EnqueueSettlement(TradeRecord trade) => _awaitingMined.Enqueue(trade);

    private void ProcessSettlement(long now)
    {
        long minedDelay = (long)Options.MinedDelay.TotalMilliseconds;
        long confirmedDelay = (long)Options.ConfirmedDelay.TotalMilliseconds;
        while (true)
        {
            // Take whichever stage is due first so the event stream stays in time order.
            bool minedDue = _awaitingMined.TryPeek(out TradeRecord? first) && first.MatchTimeMs + minedDelay <= now;
            bool confirmedDue = _awaitingConfirmed.TryPeek(out TradeRecord? second) && second.LastUpdateMs + confirmedDelay <= now;
            if (!minedDue && !confirmedDue)
                return;
            if (minedDue && (!confirmedDue || first!.MatchTimeMs + minedDelay <= second!.LastUpdateMs + confirmedDelay))
            {
                _awaitingMined.Dequeue();
                long at = first!.MatchTimeMs + minedDelay;
                if (first.WillFail)
                {
                    SetStatus(first, TradeStatus.Retrying, at);
                }
                else
                {
                    ReleaseProceeds(first);
                    first.TransactionHash = PseudoTransactionHash(first);
                    SetStatus(first, TradeStatus.Mined, at);
                }
                _awaitingConfirmed.Enqueue(first);
            }
            else
            {
                _awaitingConfirmed.Dequeue();
                long at = second!.LastUpdateMs + confirmedDelay;
                if (second.WillFail)
                {
                    RollBack(second);
                    SetStatus(second, TradeStatus.Failed, at);
                }
                else
                {
                    SetStatus(second, TradeStatus.Confirmed, at);
                }
            }
        }
    }

    private void SetStatus(TradeRecord trade, TradeStatus status, long at)
    {
        trade.Status = status;
        trade.LastUpdateMs = at;
        _events.OnTradeStatus(new TradeStatusChange(trade, status, at));
    }

    private (int MakerAsset, int TakerAsset) AssetsOf(TradeRecord t)
    {
        MarketBook book = _books[t.Market.Index];
        return (book.AssetOf(t.MakerOutcome), book.AssetOf(t.TakerOutcome));
    }

    /// <summary>MINED: the proceeds become spendable.</summary>
    private void ReleaseProceeds(TradeRecord t)
    {
        (int makerAsset, int takerAsset) = AssetsOf(t);
        Ledger.ReleasePending(t.MakerAccount, t.MakerSide == Side.Buy ? makerAsset : Asset.Collateral, t.MakerCredit);
        if (t.TakerCredit > 0)
            Ledger.ReleasePending(t.TakerAccount, t.TakerSide == Side.Buy ? takerAsset : Asset.Collateral, t.TakerCredit);
    }

    /// <summary>FAILED: every move of the fill is reversed (the proceeds were still pending, so this cannot go negative).</summary>
    private void RollBack(TradeRecord t)
    {
        (int makerAsset, int takerAsset) = AssetsOf(t);
        long size = t.Size.Raw;
        if (t.MakerSide == Side.Buy)
        {
            Ledger.RevokePending(t.MakerAccount, makerAsset, size);
            Ledger.Credit(t.MakerAccount, Asset.Collateral, t.MakerCollateral.Raw);
        }
        else
        {
            Ledger.RevokePending(t.MakerAccount, Asset.Collateral, t.MakerCollateral.Raw);
            Ledger.Credit(t.MakerAccount, makerAsset, size);
        }
        if (t.TakerSide == Side.Buy)
        {
            Ledger.RevokePending(t.TakerAccount, takerAsset, size);
            Ledger.Credit(t.TakerAccount, Asset.Collateral, t.TakerCollateral.Raw + t.Fee.Raw);
        }
        else
        {
            if (t.TakerCredit >= 0)
                Ledger.RevokePending(t.TakerAccount, Asset.Collateral, t.TakerCredit);
            else
                Ledger.Credit(t.TakerAccount, Asset.Collateral, -t.TakerCredit);
            Ledger.Credit(t.TakerAccount, takerAsset, size);
        }
        Ledger.AddFee(-t.Fee.Raw);
    }

    private Hash32 PseudoTransactionHash(TradeRecord t)
    {
        Span<byte> bytes = stackalloc byte[32];
        ulong x = Options.Seed ^ ((ulong)t.Id.Sequence * 0x9E3779B97F4A7C15UL);
        for (int i = 0; i < 4; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            ulong z = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[(i * 8)..], z);
        }
        return Hash32.FromBytes(bytes);
    }
}
