using FastMaker.Venue.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Venue.Tests.RateLimits;

public class TokenBucketTests
{
    [Fact]
    public void Burst_ThenRefusal_ThenRefillAfterTime()
    {
        var time = new FakeTimeProvider();
        var limiter = new VenueRateLimiter(new RateLimitSettings { OrderBurst = 3, OrderRatePerSecond = 1 }, time);
        for (int i = 0; i < 3; i++) Assert.True(limiter.TakeSigner("0xa", SignerBucketKind.Order, 1).Allowed);
        var refused = limiter.TakeSigner("0xa", SignerBucketKind.Order, 1);
        Assert.False(refused.Allowed);
        Assert.Equal(1.0, refused.SecondsUntilAllowed, 3);
        Assert.True(limiter.TakeSigner("0xb", SignerBucketKind.Order, 1).Allowed); // buckets are per signer
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TakeSigner("0xa", SignerBucketKind.Order, 1).Allowed);
    }

    [Fact]
    public void Batch_IsAllOrNothing()
    {
        var time = new FakeTimeProvider();
        var limiter = new VenueRateLimiter(new RateLimitSettings { OrderBurst = 10, OrderRatePerSecond = 1 }, time);
        Assert.True(limiter.TakeSigner("0xa", SignerBucketKind.Order, 8).Allowed);
        var r = limiter.TakeSigner("0xa", SignerBucketKind.Order, 5);
        Assert.False(r.Allowed);
        Assert.Equal(2, r.Remaining, 3); // nothing was taken by the refused batch
    }

    [Fact]
    public void CancelBucket_MayOverdraw_WhenAllowed()
    {
        var time = new FakeTimeProvider();
        var limiter = new VenueRateLimiter(new RateLimitSettings { CancelBurst = 2, CancelRatePerSecond = 1 }, time);
        Assert.True(limiter.TakeSigner("0xa", SignerBucketKind.Cancel, 5, allowOverdraw: true).Allowed);
        Assert.False(limiter.TakeSigner("0xa", SignerBucketKind.Cancel, 1).Allowed);
    }

    [Fact]
    public void Disabled_NeverRefuses()
    {
        var limiter = new VenueRateLimiter(RateLimitSettings.Disabled, new FakeTimeProvider());
        for (int i = 0; i < 1000; i++) Assert.True(limiter.TakeSigner("0xa", SignerBucketKind.Order, 1).Allowed);
    }
}
