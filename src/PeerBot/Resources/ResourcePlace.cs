namespace PeerBot.Resources;

/// <summary>A place a client named: a US ZIP, or a city with an optional state ("Portland, OR").</summary>
public sealed record ResourcePlace(string? Zip, string? CityKey, string? StateKey)
{
    public static ResourcePlace? Parse(string? place)
    {
        if (string.IsNullOrWhiteSpace(place))
            return null;
        if (TextKey.Zip5(place) is { } zip)
            return new ResourcePlace(zip, null, null);

        var comma = place.IndexOf(',', StringComparison.Ordinal);
        var city = TextKey.Of(comma < 0 ? place : place[..comma]);
        var state = comma < 0 ? "" : TextKey.Of(place[(comma + 1)..]);
        return city.Length == 0 ? null : new ResourcePlace(null, city, state.Length == 0 ? null : state);
    }
}
