namespace FastMaker.Venue.Matching;

/// <summary>Time in force of an order, as the <c>orderType</c> field of <c>POST /order</c> names it.</summary>
public enum OrderType : byte
{
    /// <summary>Good till cancelled: rests until filled or cancelled.</summary>
    Gtc = 0,

    /// <summary>Good till date: rests until its expiration (minus the venue's security threshold).</summary>
    Gtd = 1,

    /// <summary>Fill or kill: fills completely at once or is rejected.</summary>
    Fok = 2,

    /// <summary>Fill and kill: fills what it can at once; the rest is dropped.</summary>
    Fak = 3,
}
