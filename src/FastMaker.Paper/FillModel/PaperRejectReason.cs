namespace FastMaker.Paper.FillModel;

/// <summary>Why the model refused an order or a cancel.</summary>
public enum PaperRejectReason : byte
{
    /// <summary>No reason (not a reject).</summary>
    None,

    /// <summary>A post-only order would have crossed the book when it went live.</summary>
    PostOnlyCrosses,

    /// <summary>A FOK order could not fill in full against the displayed book.</summary>
    FokNotFilled,

    /// <summary>A FAK order found nothing to match.</summary>
    FakNoMatch,

    /// <summary>The price is not strictly between 0 and 1 on the 0.0001 grid, or the size is not positive.</summary>
    InvalidOrder,

    /// <summary>The model holds <see cref="PaperFillParameters.OrderCapacity"/> orders already.</summary>
    NoCapacity,

    /// <summary>An order with this id is already held.</summary>
    DuplicateOrderId,

    /// <summary>A cancel for an order the venue does not hold (unknown, not yet live, or already done).</summary>
    NotFound,
}
