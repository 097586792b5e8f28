using System.Globalization;

namespace FastMaker.Venue.Matching;

/// <summary>
/// The venue's rejection texts. Fixed texts are the reference's exact strings (PROTOCOL.md §4.7,
/// ORDERS-V2-V3.md §4.2); the ones marked "ours" have no known reference text.
/// Formatting happens only on the reject path.
/// </summary>
public static class RejectReasons
{
    /// <summary>Balance or allowance does not cover the order.</summary>
    public const string NotEnoughBalance = "not enough balance / allowance";

    /// <summary>A post-only order would take liquidity.</summary>
    public const string PostOnlyCrosses = "invalid post-only order: order crosses book";

    /// <summary>Ours: the reference clients refuse postOnly with FOK/FAK before sending.</summary>
    public const string PostOnlyNotLimit = "invalid post-only order: only GTC and GTD orders can be post-only";

    /// <summary>A FOK order that cannot be filled completely.</summary>
    public const string FokNotFilled = "order couldn't be fully filled. FOK orders are fully filled or killed.";

    /// <summary>A FAK order with nothing to match.</summary>
    public const string FakNotFilled = "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.";

    /// <summary>The market does not accept orders.</summary>
    public const string MarketNotReady = "the market is not yet ready to process new orders";

    /// <summary>Ours: the market is closed or resolved.</summary>
    public const string MarketClosed = "the market is closed";

    /// <summary>Bad GTD expiration, or an expiration on a non-GTD order.</summary>
    public const string InvalidExpiration = "invalid expiration";

    /// <summary>Zero or missing amounts.</summary>
    public const string InvalidOrderPayload = "Invalid order payload";

    /// <summary>The token id is not traded on this venue.</summary>
    public const string InvalidTokenId = "Invalid token id";

    /// <summary>Limit BUY precision (collateral leg too precise or size over 2 decimals).</summary>
    public static string LimitBuyPrecision(int amountDecimals) => string.Create(CultureInfo.InvariantCulture,
        $"invalid amounts, the buy orders maker amount supports a max accuracy of {amountDecimals} decimals, taker amount a max of 2 decimals");

    /// <summary>Limit SELL precision (size over 2 decimals or collateral leg too precise).</summary>
    public static string LimitSellPrecision(int amountDecimals) => string.Create(CultureInfo.InvariantCulture,
        $"invalid amounts, the sell orders maker amount supports a max accuracy of 2 decimals, taker amount a max of {amountDecimals} decimals");

    /// <summary>Marketable (FOK/FAK) BUY precision: maker 2 decimals, taker 4.</summary>
    public const string MarketBuyPrecision = "invalid amounts, the market buy orders maker amount supports a max accuracy of 2 decimals, taker amount a max of 4 decimals";

    /// <summary>Marketable (FOK/FAK) SELL precision: maker 2 decimals, taker 4.</summary>
    public const string MarketSellPrecision = "invalid amounts, the market sell orders maker amount supports a max accuracy of 2 decimals, taker amount a max of 4 decimals";

    /// <summary>Implied price off the tick grid.</summary>
    public static string BreaksTick(string orderId, string price, string tick) =>
        "order " + orderId + " is invalid. Price (" + price + ") breaks minimum tick size rule: " + tick;

    /// <summary>Implied price outside [tick, 1 - tick].</summary>
    public static string PriceOutOfRange(string price, string min, string max) =>
        "invalid price (" + price + "), min: " + min + " - max: " + max;

    /// <summary>Size below the market's minimum order size.</summary>
    public static string SizeBelowMinimum(string orderId, string size, string min) =>
        "order " + orderId + " is invalid. Size (" + size + ") lower than the minimum: " + min;

    /// <summary>Marketable BUY below $1.</summary>
    public static string MarketBuyBelowMinimum(string amount) =>
        "invalid amount for a marketable BUY order ($" + amount + "), min size: $1";

    /// <summary>An order id the venue has already seen.</summary>
    public static string Duplicated(string orderId) => "order " + orderId + " is invalid. Duplicated.";

    /// <summary>Cancel reason for an order that is no longer live.</summary>
    public const string AlreadyCanceledOrMatched = "already canceled or matched";

    /// <summary>Cancel reason for an order the venue never saw (or that belongs to another key).</summary>
    public const string OrderNotFound = "order not found";
}
