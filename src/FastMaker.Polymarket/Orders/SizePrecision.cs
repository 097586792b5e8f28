namespace FastMaker.Polymarket.Orders;

/// <summary>What to do with a size (or market amount) that has more than the 2 decimals the venue accepts.</summary>
public enum SizePrecision : byte
{
    /// <summary>Floor it to 2 decimals, as the official clients do.</summary>
    Floor,
    /// <summary>Reject it with <see cref="OrderAmountError.SizeTooPrecise"/>.</summary>
    Reject,
}
