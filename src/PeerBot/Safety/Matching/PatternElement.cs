namespace PeerBot.Safety.Matching;

internal enum ElementKind
{
    Literal,
    Class,
    Any,
    Gap,
}

/// <summary>One position of a compiled pattern: a word, a word class, any one word, or a gap of 0–N words.</summary>
internal readonly record struct PatternElement(ElementKind Kind, int Value);

/// <summary>What a pattern means when it matches: a rule, an exclusion, or one of the modifier cues.</summary>
internal enum TargetKind
{
    Rule,
    Exclusion,
    Negation,
    NegationAfter,
    PseudoNegation,
    Past,
    Recent,
}

internal readonly record struct PatternTarget(TargetKind Kind, int Index);

/// <summary>A pattern hit over tokens [Start, End].</summary>
internal readonly record struct PatternMatch(int Target, int Start, int End);
