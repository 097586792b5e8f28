namespace FastMaker.Polymarket.Tests.WebSockets;

/// <summary>Polls a condition that another thread (a socket, a reconnect loop) makes true; fails after 15 s.</summary>
internal static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for: " + what);
            await Task.Delay(10);
        }
    }
}
