"""Every tunable of recoupe in one object, handed down the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # Inputs larger than this are refused: a news article is kilobytes, not gigabytes. It bounds
    # one document (a file, a JSONL line, a WARC record), gzip counted decompressed.
    max_input_bytes: int = 50_000_000
    # An article's text (after HTML extraction) longer than this is refused: the whole pipeline
    # takes 37 s (idle) to 61 s (busy) and 590 MB on a text of 1,000,000 characters, spaCy's
    # own limit (2 cores).
    max_article_chars: int = 1_000_000
    # ... and so is one with a line longer than this: spaCy NER on a single paragraph costs
    # 6 s and +350 MB at 100,000 characters but 81 s and 3.6 GB at 990,000. No news
    # paragraph comes near it; a dump pasted on one line does.
    max_paragraph_chars: int = 100_000
    # Wall-clock seconds one document may take to be read and parsed, and again to be cleaned,
    # before it is skipped (main thread only: see recoupe/ingest/limits.py). The longest article
    # the caps above let through (a 1.8 MB page, 1,000,000 characters) takes 2.5 s to read and
    # 3.6 s to clean on this 2-core machine; 30 s leaves ×8 for a slower or busier one, and cuts
    # a 6 MB page of tag soup (69 s to parse) short.
    document_time_budget_s: float = 30.0
    # Language identification: py3langid's normalised probability below which lingua decides.
    # Short chrome lines ("Prime indépendante") score ~0.3; real paragraphs score > 0.9.
    langid_min_confidence: float = 0.8
    # Paragraphs shorter than this (characters) take the article's language when unsure,
    # so that a stray "Merci." does not make an article "mixed-language".
    min_language_chars: int = 40
    # Languages lingua chooses among when py3langid is unsure (ISO 639-1).
    fallback_languages: tuple[str, ...] = (
        "fr",
        "en",
        "de",
        "es",
        "it",
        "pt",
        "nl",
        "ru",
        "uk",
        "pl",
        "ro",
        "ca",
        "sv",
        "da",
        "nb",
        "fi",
        "cs",
        "el",
        "tr",
        "ar",
    )
    # A chrome rule only fires on lines of at most this many words unless the rule says
    # otherwise: chrome is short, and an article sentence must never be removed.
    chrome_max_words: int = 30
    # A paragraph pasted twice is removed only from this length on: shorter repeats are the
    # page's own structure (list labels, table headings). AEB: recall 0.9695 → 0.97+ with 8.
    duplicate_min_words: int = 8

    # --- stories: bench/clustering.py and bench/train_pair_scorer.py chose these (bench/README.md) ---
    # A story closes when no article joined it for this many days: two calls between the same
    # leaders two years apart must not merge. Dated pairs further apart are never compared.
    story_window_days: int = 7
    # Two groups merge (average link) when the mean pair probability between them reaches this.
    # Chosen on the sets held out of the scorer's training (bench/train_pair_scorer.py), rpm2-dev /
    # rpm2-dev-dated / ecbplus-dev / gnews-fr-dev BCubed F1, SemEval pairs all and cross-language
    # balanced accuracy. Before communities: 0.3 → 0.611 / 0.913 / 0.794 / 0.689 / 0.805 and
    # 0.707; 0.4 → 0.533 / 0.887 / 0.853 / 0.653 / 0.762 and 0.634; 0.5 → 0.485 / 0.768 / 0.853 /
    # 0.617 / 0.735 and 0.610. With communities, the language gap and rpm2's headlines in training:
    # 0.3 → 0.601 / 0.926 / 0.940 / 0.784 / 0.826 and 0.768; 0.4 → 0.531 / 0.887 / 0.945 / 0.799 /
    # 0.813 and 0.732.
    story_join_probability: float = 0.3
    # A pair of which only one article is dated: its odds of one event are divided by e^this. No
    # window can rule it out, and the dev sets hold no such pairs to learn it from. The two real
    # samples (Putin-Xi calls of 2022, dated, and of 2025, undated) score 0.78 without it, 0.15
    # with 3.0 (tests/stories/test_trust.py).
    one_dated_pair_log_odds: float = 3.0
    # A pair of which one is a headline without a body has its odds lowered by this: headlines'
    # few chosen words make the scorer too sure of them (threshold 0.3 for texts, about 0.5 for
    # headlines). Chosen on rpm2-titles held out of training (BCubed F1, shift 0 / 0.4 / 0.85 /
    # 1.2 / 1.6: 0.562 / 0.565 / 0.613 / 0.576 / 0.510); gnews-fr-dev held out, not used to
    # choose it: 0.784 / 0.797 / 0.824 / 0.808 / 0.794 (the baseline's 0.807).
    headline_pair_log_odds: float = 0.85
    # Inside a component of this many articles or more, average link runs in each Louvain
    # community of the graph linking every article to its `story_community_neighbours` most
    # probable partners (stories.cluster._communities); two communities whose links to each
    # other weigh `story_community_min_cut` of the smaller one's links or more are one again.
    # Held out at 0.3 with the scorer of 250b95c (bench/train_pair_scorer.py), rpm2-dev /
    # rpm2-dev-dated / ecbplus-dev / gnews-fr-dev BCubed F1: without communities 0.611 / 0.913 /
    # 0.794 / 0.689; as set 0.601 / 0.926 / 0.940 / 0.687; min cut 0.05 → 0.601 / 0.913 / 0.941,
    # 0.2 → 0.581 / 0.899 / 0.942; 2 partners → 0.606 / 0.899 / 0.953, 4 → 0.611 / 0.913 /
    # 0.939; min size 6: no change.
    # Without the min cut, Louvain halved most stories of 10 (rpm2-dev-dated 0.791).
    story_community_min_size: int = 10
    story_community_neighbours: int = 3
    story_community_resolution: float = 1.0
    story_community_min_cut: float = 0.1
    # Rounds of refinement once a batch is grouped: each new article may move to the group that
    # fits it best, then groups merge again.
    story_refine_rounds: int = 2
    # A group of at most this many new articles with a body, left apart once refined, joins the
    # group whose mean pair probability with it reaches `story_fragment_join_probability`
    # (stories.cluster._join_fragments); a headline alone, the join threshold. Held out
    # (bench/train_pair_scorer.py --thresholds 0.3), rpm2-dev / rpm2-dev-dated / ecbplus-dev /
    # gnews-fr-dev BCubed F1, SemEval pairs all / cross-language balanced accuracy: without
    # 0.601 / 0.926 / 0.940 / 0.823 / 0.842 / 0.817; as set 0.615 / 0.955 / 0.940 / 0.833 / 0.866
    # / 0.841. Chosen on a quicker proxy (bench/README.md, session of 2026-12-06, seventh part):
    # at 0.15 → 0.629 / 0.950 / 0.947; 0.25 → 0.603 / 0.938; size 1 → 0.607 / 0.938, 3 → 0.622 /
    # 0.955. Headlines at 0.2 like texts: gnews-fr-dev 0.819 on the proxy, 0.25 → 0.826, the
    # threshold (0.3) → 0.833, 0.35 → 0.831. Under the 2022 and 2025 samples' pair (0.15,
    # tests/stories/test_trust.py) the bar would merge them.
    story_fragment_size: int = 2
    story_fragment_join_probability: float = 0.2
    # The background frequencies of the language weigh as this many documents of the pile
    # (stories.rarity): a pile of 200 leans on them, one of 20,000 barely.
    background_documents: float = 500.0
    # Blocking: an article's heaviest words and names (this many) find its candidate pairs, the
    # nearest `candidate_neighbours` from cosine `candidate_min_cosine` on.
    blocking_keys: int = 30
    candidate_neighbours: int = 20
    candidate_min_cosine: float = 0.05
    # A component of strongly linked articles larger than this is cut again at its stronger
    # links before average link (which costs the cube of its size).
    story_component_limit: int = 400
    # A pair is in two languages (scored by the model of what a translation keeps, pairs.py) only
    # when both texts have this many words: a headline's language is a guess (gnews-fr-dev's
    # French headlines: 88 of 652 identified as en, es, it, ca, de…; none of its 1,236 pairs
    # that made "in two languages" was).
    cross_language_min_words: int = 25
    # The lead embedding is measured only for pairs whose name cosine reaches this (embedding a
    # lead costs 50-100 ms): SemEval pairs held out, all and cross-language balanced accuracy:
    # 0 → 0.805 and 0.707, 0.05 → the same, 0.1 → 0.802 and 0.695, 0.15 → 0.799 and 0.683,
    # 0.2 → 0.796 and 0.671, 0.3 → 0.793 and 0.659. Ingesting the real corpus of
    # bench/throughput.py (undated, in-process profile): 0.1 → 189 s, of which 71 embedding
    # leads; 0.2 → 156 s, 26; 0.3 → 131 s, 15. With the retrained scorer, the language gap and
    # the leads embedded by every process of the run (session of 2026-12-06, fourth part), SemEval
    # held out, all / cross: 0.2 → 0.826 / 0.768, 0.15 → 0.830 / 0.780, 0.12 → 0.836 / 0.805,
    # 0.1 → 0.842 / 0.817, 0 → the same; `recoupe ingest` of that undated corpus, 2 processes,
    # load 4-5: 0.2 → 196 s, 0.1 → 230 s.
    # Eighth part (bench/README.md, "Cross-language pairs"): the lead is also embedded when the
    # pair's cognate cosine (words cut to 5 letters, `features._cognates`) reaches
    # `cross_language_min_cognates`, and the name bar went up. SemEval cross-language held out
    # (with `cross_language_neighbours` 2) / leads embedded clustering the four clustering sets
    # together (2,289 articles, undated): names 0.1 alone 0.865 / 681 (without the neighbours
    # 0.841 / 661); cognates 0.1 alone 0.865 / 325, 0.08 0.865 / 504, 0.07 0.877 / 635;
    # names 0.2 or cognates 0.1 0.865 / 388; names 0.18 or cognates 0.1 0.877 / 417;
    # **names 0.15 or cognates 0.1 0.877 / 504**; names 0.1 or cognates 0.1 0.877 / 724.
    cross_language_min_names: float = 0.15
    cross_language_min_cognates: float = 0.1
    # Blocking in other languages: an article with a trusted language is also paired with its
    # `cross_language_neighbours` nearest in other languages by its `cross_language_blocking_keys`
    # heaviest cognates: a report in another language shares few words and names, so its nearest
    # by those are all in its own language. Of SemEval dev's 41 same-story pairs in two
    # languages, blocking proposed 31 (and 22 of its 115 different-story ones); with 1 neighbour
    # in other languages 34 (28), **2: 36 (30)**, 3: 36 (30); by 30 keys, 2 neighbours found the
    # partner for 80% of the pairs against 85% by 60. SemEval cross-language held out, names 0.1
    # alone: 0 → 0.841, 2 → 0.865, 3 → 0.865.
    cross_language_neighbours: int = 2
    cross_language_blocking_keys: int = 60
    # multilingual-e5-small cosines live in about 0.75–0.97: rescaled to 0–1 over this range.
    embedding_cosine_range: tuple[float, float] = (0.80, 0.92)
    # Two texts in two languages have lower cosines than in one: over all pairs of SemEval dev's
    # 924 leads (its texts only, no label used), 0.749 on average against 0.779 (same-story
    # labelled pairs: medians 0.862 against 0.904). Added to the cosine of a pair in two languages.
    cross_language_cosine_gap: float = 0.03
    # Near-copies: LSH finds candidates from this estimated Jaccard of word 5-gram shingles up;
    # a candidate is a copy when this share of the shorter text is in the longer one (a scrape
    # that drops a sentence or two still shares ~0.9; two reports of one event share < 0.1).
    copy_lsh_threshold: float = 0.3
    copy_containment: float = 0.6
    # Translated copies: names shared (share of the smaller set), then sentence alignment:
    # a sentence has a translation when its embedding cosine reaches this (translations score
    # 0.93–0.96 with multilingual-e5-small, related sentences 0.78–0.87), and this share of the
    # shorter article's sentences must have one.
    translation_name_overlap: float = 0.5
    translation_sentence_cosine: float = 0.9
    translation_aligned_share: float = 0.6
    # Sentences are aligned only for a pair whose leads' cosine reaches this: in the undated
    # real corpus of bench/throughput.py --real, the 14 pairs aligned at 0.6 or more (SemEval's
    # translations) had leads at 0.896–0.962, the 18 others 0.806–0.927 (9 under 0.85, none
    # aligned over 0.43). A bar for cost, well under the lowest translation.
    translation_lead_cosine: float = 0.85

    # --- timeline ---
    # At most this many entries per story (the ones told by most articles are kept).
    timeline_max_entries: int = 12
    # Claims kept per story, disputed first: a long story states dozens of incidental figures
    # ("deux immeubles"); the ones several sources give, or disagree on, come first.
    max_claims: int = 30
    # Sentences of one day that say the same thing (rapidfuzz token-set ratio, 0–100) merge.
    timeline_merge_similarity: float = 80.0

    # --- summary ---
    # Sentences per story summary; weight of novelty against centrality in the MMR pick; and the
    # token-set similarity (0–100) from which two articles' sentences are one sentence.
    summary_sentences: int = 4
    summary_redundancy: float = 0.3
    summary_same_sentence: float = 85.0

    # --- quotes ---
    # Who said a French quote that opens its paragraph with no cue: the last speaker, across at most
    # this many sentences of narration naming no one else (extract/french_quotes.py). On
    # fr-quotes-dev2 (a quote with its cue, one sentence of narration, then a quote alone) 1, 2 and
    # 3 give the same figures (name F1 0.865 -> 0.872), fr-quotes-dev none changes; on the fresh
    # fr-quotes-dev3 the rule changed no name. 2 allows the quote's paragraph one sentence of its
    # own besides the one between, no more.
    quote_narration_sentences: int = 2
    # One statement, every wording (recoupe/reconcile/quotes.py): two quotes of one speaker are
    # one statement when their words are near-identical (rapidfuzz ratio of the folded words,
    # 0–100, from `quote_same_wording`; the only test for quotes of unknown speaker) or one runs
    # inside the other, never when one brings a number the other lacks; else when the
    # multilingual-e5 cosine of the quoted words plus `quote_rare_word_weight` × the share of
    # rare words they share (stems of words under `quote_rare_word_zipf` in wordfreq) reaches
    # `quote_same_meaning` (one language) or `quote_same_meaning_across_languages`.
    # bench/quote_merge.py on bench/data/quote-pairs.jsonl (104 pairs of one speaker, French and
    # English, written for it; thresholds chosen on 70, 34 held out): dev 0.986, held-out 1.000
    # (the rule before, token-set ≥ 70 or cosine ≥ 0.90 across languages: 0.800 and 0.912); 24
    # pairs written afterwards, scored once: 0.875, three different statements of one frame
    # merged ("un moment historique" / "un jour sombre pour notre démocratie": 0.957). The
    # dev plateau is narrow: one language 0.945 at weight 0.02 (0.940 at 0.01; without rare
    # words 0.971 at best, 0.93–0.94); across languages anything in 0.87–0.89 (different
    # statements ≤ 0.86 but one at 0.907, translations ≥ 0.892). Same words: no pair of
    # different statements passes 79, "ne se rendra" / "ne cédera" is 92.
    quote_same_wording: float = 95.0
    quote_same_meaning: float = 0.945
    quote_same_meaning_across_languages: float = 0.88
    quote_rare_word_weight: float = 0.02
    quote_rare_word_zipf: float = 5.0
    # Cost of the meaning test: wordings in one language are compared by meaning only when they
    # share a content word (a stem of a word under this Zipf: "monde" 5.96 is one, "nous", "les"
    # are not). On the pairs every same statement in one language shares one, and 13 of the 40
    # different ones do not; on 60 rpm2-dev articles it spares a third of the embeddings. And a
    # quote is embedded by its first words only: a 130-word quote took 1.2 s to embed here, a
    # 15-word one 0.1 s; every pair of the bench is shorter.
    quote_content_word_zipf: float = 6.0
    quote_embedded_words: int = 48

    # --- store ---
    # Prepared articles stored per transaction (`recoupe ingest --batch-size`), pending until the
    # run assigns them all at once: a kill loses at most this much work. (When each batch was
    # assigned on its own, bench/throughput.py at 3,000 with 2 workers: 32 → 39.2 articles/s,
    # 128 → 44.3, 256 → 43.5.)
    ingest_batch_size: int = 128
    # Pending articles given to one story assignment (`assign_stories`): a run clusters all of
    # its new articles as a whole (the batch regime) up to this many; past it, the next ones are
    # assigned in further calls, in reading order, beside the stories the earlier calls stored
    # (the stream regime). It bounds the main process's memory: the articles of one call and
    # their features are held at once (about 20 kB each: ~400 MB at 20,000).
    clustering_batch_size: int = 20_000
    # Articles per task of the per-article stage (clean, extract) sent to a worker process or a
    # Dask worker: NER streams a task's paragraphs in one nlp.pipe, and two tasks per worker are
    # in flight, so memory stays bounded whatever the input's size.
    worker_batch_size: int = 16
    # Articles whose story features and copy signature stay in memory between ingest batches (each
    # batch compares its articles with the members of the open stories again). About 15 kB each:
    # 4,096 is ~60 MB, and covers the open stories of bench/throughput.py's corpus at 100,000.
    kept_articles: int = 4096
    # Texts whose multilingual embedding stays in memory within a run (1.5 kB a vector: ~13 MB).
    kept_embeddings: int = 8192
    # Summary candidates (sentences, about 1 kB each) kept by story between its descriptions.
    kept_summary_sentences: int = 20_000

    # --- fetch and watch (recoupe/ingest/web.py): polite to the sites, bounded for us ---
    # The name every request carries (`--contact` adds a URL or address for site owners).
    fetch_user_agent: str = "recoupe"
    fetch_contact: str | None = None
    # Seconds to connect, and to wait for each piece of an answer: a news page arrives in well
    # under a second; a server silent for 20 s is not going to answer.
    fetch_connect_timeout_s: float = 10.0
    fetch_read_timeout_s: float = 20.0
    # Tries again after a timeout, a refused connection, a 429 or a 5xx, waiting `backoff` then
    # twice as long each time: a server briefly overloaded gets a rest, a dead one costs 3 s.
    fetch_retries: int = 2
    fetch_backoff_s: float = 1.0
    # Per site: at least this many seconds between two requests (a robots.txt Crawl-delay asks
    # for more, honoured up to `fetch_max_crawl_delay_s`), and at most this many at once.
    fetch_host_interval_s: float = 1.0
    fetch_max_crawl_delay_s: float = 30.0
    fetch_host_concurrency: int = 2
    # Requests in flight over all sites: downloads wait on the network, not on the cores.
    fetch_concurrency: int = 8
    # A chain of redirects longer than this is refused (browsers stop at about 20; news sites
    # need one or two: http → https, a short link).
    fetch_max_redirects: int = 5
    # URLs come from third-party feeds: a private or loopback address (the local network, a
    # cloud metadata service) is refused unless asked for (`--allow-private`).
    fetch_allow_private: bool = False
    # robots.txt is read up to this size (Google reads 500 KiB), and the rest ignored.
    robots_max_bytes: int = 500_000
    # `recoupe watch`: seconds between the starts of two rounds (`--every`), and the new items
    # one source may bring in one round (a first read of a large sitemap is taken in parts).
    watch_every_s: float = 900.0
    watch_items_per_source: int = 200

    # --- serve (recoupe/web/): the story list is paged ---
    # Stories on one page of `/` and `/api/stories` (`per_page`): unpaged, the list of a store of
    # 1,323 stories was 330 KB of HTML (about 250 bytes a row); 50 rows are about 12 KB.
    web_page_size: int = 50
    # The largest `per_page` a request may ask for (422 above it), so that no request reads everything.
    web_max_page_size: int = 200
    # A search found in fewer articles than this is answered from all its matches, its stories
    # counted; one found in more walks the list in its order, asking the full-text index about each
    # story's own articles, and is not counted (recoupe/store/listing.py). On the 100,000 articles
    # of bench/web_latency.py (load 4), mapping the 100,060 matches of a word in every article took
    # 72 ms a page (0.7 µs a match: 20,000 cost about 15 ms), the walk's first page 8 ms (one word)
    # to 20 ms (two words), knowing that 20,000 articles match 2 ms.
    search_counted_articles: int = 20_000
    # ... unless the page lies beyond this many stories of the list, or is not full after asking
    # about them (the matches are scattered): then all the matches are mapped after all. Asking
    # about one story takes 0.1 ms (one word) to 0.26 ms (two), so pages 1 to 3 of 50 are walked
    # and a walk given up costs 20 to 50 ms at most.
    search_walk_stories: int = 200
    # After a run stores articles, a full-text index left in more segments than this is merged
    # into one (recoupe/store/write.py: a search asks every segment). 48 simulated runs of 20
    # articles on the 100,000 of bench/web_latency.py: FTS5 alone kept 12-24 segments (4 large),
    # the walk of a two-word search 17-27 ms CPU a page; merged past 8, 1-8 segments and 3.5-5.4
    # ms, a merge (2-7 s, with the machine's load) every 8 runs; past 4, 3.3-6.3 ms but a merge
    # every 4 runs; past 12, 3.4-12 ms.
    search_index_segments: int = 8
