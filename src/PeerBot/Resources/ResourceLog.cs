namespace PeerBot.Resources;

internal static partial class ResourceLog
{
    [LoggerMessage(7001, LogLevel.Information,
        "HSDS import: {Services} services, {Locations} locations, {Categorized} categorized, {Errors} records rejected")]
    public static partial void Imported(ILogger logger, int services, int locations, int categorized, int errors);

    [LoggerMessage(7002, LogLevel.Debug, "Resource search in {Category} by {PlaceKind}: {Local} local, {National} national")]
    public static partial void Searched(ILogger logger, string category, string placeKind, int local, int national);

    // The requested name is not logged: it may have come from what a client typed.
    [LoggerMessage(7003, LogLevel.Warning, "Resource search for an unknown category")]
    public static partial void UnknownCategory(ILogger logger);
}
