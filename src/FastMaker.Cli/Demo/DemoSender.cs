using FastMaker.Engine.Execution;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Signing;
using Microsoft.Extensions.Logging;

namespace FastMaker.Cli.Demo;

/// <summary>Builds the real HTTP sender (<see cref="OrderSender"/>) for a host.</summary>
public static class DemoSender
{
    /// <summary>A sender factory for <see cref="LiveEngineOptions.SenderFactory"/>.</summary>
    public static Func<SenderContext, ISignedRequestSink> Factory(ILoggerFactory? loggerFactory = null) => context => new OrderSender(
        new SenderOptions
        {
            ClobBaseUrl = context.ClobBaseUrl,
            Address = context.Address,
            ApiKey = context.Credentials.ApiKey,
            Passphrase = context.Credentials.Passphrase,
            Credentials = context.Credentials,
            RequestPool = context.Pool,
        },
        context.Replies,
        context.Time,
        loggerFactory?.CreateLogger("FastMaker.Sender"));
}
