namespace FastMaker.Polymarket.Parsing;

/// <summary>Why a WebSocket frame, or one event in it, was rejected by a channel parser.</summary>
public enum FrameErrorReason : byte
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The frame is empty or only whitespace.</summary>
    EmptyFrame,
    /// <summary>The bytes are not well-formed JSON (truncated, bad token, trailing data, too deep).</summary>
    MalformedJson,
    /// <summary>The frame (or an array element) is not a JSON object.</summary>
    ExpectedObject,
    /// <summary>A field has the wrong JSON kind (e.g. an object where a string was expected).</summary>
    UnexpectedToken,
    /// <summary>The object has no <c>event_type</c> (or, on the user channel, no <c>event_type</c>/<c>type</c>).</summary>
    MissingEventType,
    /// <summary>A field the event cannot do without is absent.</summary>
    MissingField,
    /// <summary>A value is longer than any valid value of its field.</summary>
    ValueTooLong,
    /// <summary>A price is not a decimal in (0, 1) with at most 6 decimals.</summary>
    InvalidPrice,
    /// <summary>A size or amount is not a non-negative decimal with at most 6 decimals.</summary>
    InvalidQuantity,
    /// <summary>A side is not BUY or SELL.</summary>
    InvalidSide,
    /// <summary>A token id is not a decimal 256-bit integer.</summary>
    InvalidTokenId,
    /// <summary>A condition id, order id or transaction hash is not 0x + 64 hex digits.</summary>
    InvalidHash32,
    /// <summary>A book hash is not 40 hex digits.</summary>
    InvalidBookHash,
    /// <summary>An address is not 0x + 40 hex digits.</summary>
    InvalidAddress,
    /// <summary>A timestamp is not a non-negative integer of seconds or milliseconds.</summary>
    InvalidTimestamp,
    /// <summary>A tick size is not one of the venue's tick sizes.</summary>
    InvalidTickSize,
    /// <summary>A trade id or api key is not a UUID.</summary>
    InvalidUuid,
    /// <summary>An integer field (fee rate, bucket index) is not a small non-negative integer.</summary>
    InvalidInteger,
    /// <summary>A boolean field is not true/false.</summary>
    InvalidBoolean,
    /// <summary>An order or trade status is not one the reference lists.</summary>
    InvalidStatus,
    /// <summary>An enumerated field (order type, event type, trader side) has an unknown value.</summary>
    InvalidEnum,
}
