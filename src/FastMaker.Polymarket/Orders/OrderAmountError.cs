namespace FastMaker.Polymarket.Orders;

/// <summary>Why order amounts could not be computed; <see cref="None"/> on success.</summary>
public enum OrderAmountError : byte
{
    /// <summary>Success.</summary>
    None,
    /// <summary>The tick size is not one of the six the venue uses.</summary>
    InvalidTickSize,
    /// <summary>The price is not a multiple of the tick size.</summary>
    PriceOffTickGrid,
    /// <summary>The price is outside [tick, 1 - tick].</summary>
    PriceOutOfRange,
    /// <summary>The size (or market amount) is zero or negative, or becomes zero after flooring to 2 decimals.</summary>
    SizeZero,
    /// <summary>The size has more than 2 decimals and the precision policy is <see cref="SizePrecision.Reject"/>.</summary>
    SizeTooPrecise,
    /// <summary>The collateral (or, for a market BUY, the share) leg rounds down to zero.</summary>
    AmountZero,
    /// <summary>The size is so large that an amount overflows.</summary>
    Overflow,
}

/// <summary>Human-readable reasons for <see cref="OrderAmountError"/>.</summary>
public static class OrderAmountErrors
{
    /// <summary>A short English reason for an error value.</summary>
    public static string Describe(OrderAmountError error) => error switch
    {
        OrderAmountError.None => "ok",
        OrderAmountError.InvalidTickSize => "tick size must be one of 0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001",
        OrderAmountError.PriceOffTickGrid => "price is not a multiple of the tick size",
        OrderAmountError.PriceOutOfRange => "price must be between the tick size and 1 - tick size",
        OrderAmountError.SizeZero => "size must be at least 0.01",
        OrderAmountError.SizeTooPrecise => "size has more than 2 decimals",
        OrderAmountError.AmountZero => "the order amount rounds down to zero",
        OrderAmountError.Overflow => "size is too large",
        _ => "unknown error",
    };
}
