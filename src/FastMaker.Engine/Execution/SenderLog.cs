using FastMaker.Engine.Signing;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Execution;

/// <summary>The sender's log lines (precompiled templates; never a secret in them).</summary>
internal static class SenderLog
{
    private static readonly Action<ILogger, Hash32, Exception?> Duplicate =
        LoggerMessage.Define<Hash32>(LogLevel.Error, new EventId(6001, "DuplicatePost"), "Refused a second post of order {OrderId}: an order hash is never posted twice");

    private static readonly Action<ILogger, int, string, Exception?> Unknown =
        LoggerMessage.Define<int, string>(LogLevel.Warning, new EventId(6002, "PostUnknown"), "{Count} order post(s) in an unknown state ({Error}); looking them up");

    private static readonly Action<ILogger, string, long, Exception?> Held =
        LoggerMessage.Define<string, long>(LogLevel.Warning, new EventId(6003, "HeldBack"), "Venue said {Error}; holding back for {Ms} ms");

    private static readonly Action<ILogger, Hash32, string, Exception?> Lookup =
        LoggerMessage.Define<Hash32, string>(LogLevel.Warning, new EventId(6004, "LookupFailed"), "Lookup of order {OrderId} failed: {Error}");

    private static readonly Action<ILogger, Hash32, Exception?> Unresolvable =
        LoggerMessage.Define<Hash32>(LogLevel.Warning, new EventId(6005, "Unresolved"), "Order {OrderId} stays unknown: no lookup answered; reconciliation will resolve it");

    private static readonly Action<ILogger, Hash32, Exception?> NoLookup =
        LoggerMessage.Define<Hash32>(LogLevel.Warning, new EventId(6006, "CannotLookUp"), "Order {OrderId} stays unknown: the sender has no credentials to look it up");

    private static readonly Action<ILogger, RequestKind, int, string, Exception?> Retry =
        LoggerMessage.Define<RequestKind, int, string>(LogLevel.Information, new EventId(6007, "CancelRetry"), "{Kind} attempt {Attempt} failed ({Error}); retrying");

    private static readonly Action<ILogger, RequestKind, string, Exception?> BulkCancel =
        LoggerMessage.Define<RequestKind, string>(LogLevel.Error, new EventId(6008, "BulkCancelFailed"), "{Kind} failed: {Reason}");

    private static readonly Action<ILogger, string, Exception?> Dropped =
        LoggerMessage.Define<string>(LogLevel.Critical, new EventId(6009, "ReplyDropped"), "The engine's control queue stayed full: a {Reply} was dropped");

    private static readonly Action<ILogger, Exception?> Send =
        LoggerMessage.Define(LogLevel.Error, new EventId(6010, "SendFailed"), "A send failed outside the HTTP outcomes");

    private static readonly Action<ILogger, Exception?> Dispatcher =
        LoggerMessage.Define(LogLevel.Critical, new EventId(6011, "DispatcherFailed"), "The sender's dispatcher thread failed");

    private static readonly Action<ILogger, long, long, Exception?> Drain =
        LoggerMessage.Define<long, long>(LogLevel.Warning, new EventId(6012, "DrainTimedOut"), "Stopped with {InFlight} request(s) in flight and {Resolving} lookup(s) running");

    public static void DuplicateRefused(ILogger l, Hash32 id) => Duplicate(l, id, null);

    public static void PostUnknown(ILogger l, int count, string error) => Unknown(l, count, error, null);

    public static void HeldBack(ILogger l, string error, long ms) => Held(l, error, ms, null);

    public static void LookupFailed(ILogger l, Hash32 id, string error) => Lookup(l, id, error, null);

    public static void Unresolved(ILogger l, Hash32 id) => Unresolvable(l, id, null);

    public static void CannotLookUp(ILogger l, Hash32 id) => NoLookup(l, id, null);

    public static void CancelRetry(ILogger l, RequestKind kind, int attempt, string error) => Retry(l, kind, attempt, error, null);

    public static void BulkCancelNotSent(ILogger l, RequestKind kind, string reason) => BulkCancel(l, kind, reason, null);

    public static void ReplyDropped(ILogger l, string reply) => Dropped(l, reply, null);

    public static void SendFailed(ILogger l, Exception ex) => Send(l, ex);

    public static void DispatcherFailed(ILogger l, Exception ex) => Dispatcher(l, ex);

    public static void DrainTimedOut(ILogger l, long inFlight, long resolving) => Drain(l, inFlight, resolving, null);
}
