using System.Globalization;
using FastMaker.Primitives;

namespace FastMaker.Engine.Reconciliation;

/// <summary>
/// One difference found by reconciliation: it becomes an event (this record, handed to the engine), a log line
/// (<see cref="ToString"/>) and a counter increment (<see cref="ReconciliationMetrics"/>).
/// </summary>
/// <param name="Kind">What differed.</param>
/// <param name="OrderId">The order concerned, or zero.</param>
/// <param name="TokenId">The token concerned, or zero.</param>
/// <param name="MarketId">The market concerned, or zero.</param>
/// <param name="Before">Our value (meaning per <see cref="DiscrepancyKind"/>).</param>
/// <param name="After">The value taken from the venue or rebuilt.</param>
public readonly record struct Discrepancy(
    DiscrepancyKind Kind,
    Hash32 OrderId,
    UInt256 TokenId,
    Hash32 MarketId,
    long Before,
    long After)
{
    /// <summary>The log line.</summary>
    public override string ToString()
    {
        var text = "reconcile " + Kind.ToString() + " before=" + Before.ToString(CultureInfo.InvariantCulture)
            + " after=" + After.ToString(CultureInfo.InvariantCulture);
        if (!OrderId.IsZero)
        {
            text += " order=" + OrderId.ToString();
        }

        if (!TokenId.IsZero)
        {
            text += " token=" + TokenId.ToString();
        }

        if (!MarketId.IsZero)
        {
            text += " market=" + MarketId.ToString();
        }

        return text;
    }
}
