namespace PeerBot.Resources;

/// <summary>
/// Searches the resource directory by category and place. PLACEHOLDER until the HSDS importer lands.
/// Categories: crisis, treatment, meetings, housing, food, legal, transportation, harm-reduction.
/// </summary>
public sealed class ResourceDirectory
{
    public Task<IReadOnlyList<ResourceListing>> SearchAsync(
        string category, string? place, string locale, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResourceListing>>(
        [
            new ResourceListing("988 Suicide & Crisis Lifeline", "Call or text 988, any time.", "988", "988",
                "https://988lifeline.org", null, "24/7", true),
        ]);
}
