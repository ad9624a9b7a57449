"""Demo content for the seed_demo command: sections, journalists and articles.

Plain data only. Plain paragraphs in an article body are wrapped in <p> by the command;
strings that start with an HTML tag are passed through and sanitised.
"""

SECTIONS = [
    ("World", "world", "News, conflict, disasters and diplomacy from around the globe."),
    ("Europe", "europe", "Governments, institutions and people across the continent."),
    ("Politics", "politics", "Parliament, parties, elections and the policies behind them."),
    ("Business", "business", "Markets, companies, jobs and the forces driving the economy."),
    ("Technology", "technology", "How chips, software and networks are changing daily life."),
    ("Culture", "culture", "Film, music, books, theatre and art, reviewed and reported."),
    ("Science", "science", "Discoveries in space, health, climate and the natural world."),
]

AUTHORS = [
    {
        "key": "hartmann",
        "username": "mhartmann",
        "display_name": "Miriam Hartmann",
        "role": "Europe correspondent",
        "bio": (
            "Miriam Hartmann covers European diplomacy, security and EU institutions from Vienna "
            "and Brussels. She previously reported from Warsaw and Kyiv for a regional news "
            "agency. She speaks German, Polish and Russian."
        ),
        "journalist": True,
    },
    {
        "key": "okafor",
        "username": "dokafor",
        "display_name": "Daniel Okafor",
        "role": "Business and technology editor",
        "bio": (
            "Daniel Okafor leads coverage of markets, industry and the technology sector. Before "
            "joining Newsroom he spent eight years as a financial reporter in London and Lagos, "
            "specialising in banking and energy."
        ),
        "journalist": True,
    },
    {
        "key": "lindqvist",
        "username": "clindqvist",
        "display_name": "Clara Lindqvist",
        "role": "Culture and science writer",
        "bio": (
            "Clara Lindqvist writes about the arts, research and the people behind both. She "
            "trained as a marine biologist before turning to journalism. Her reporting on museum "
            "restitution was shortlisted for a national press award."
        ),
        "journalist": True,
    },
]

MODERATOR = {
    "username": "moderator",
    "display_name": "Sam Whitfield",
}

ARTICLES = [
    {
        "slug": "delta-floods-displace-thousands-as-rivers-burst-banks",
        "title": (
            "Thousands displaced as rivers burst their banks across a low-lying southern delta"
        ),
        "section": "world",
        "tags": ["Climate", "Health"],
        "authors": ["lindqvist"],
        "standfirst": (
            "Days of unusually heavy rain have swamped farmland and villages, and aid workers "
            "warn that the risk of waterborne disease is rising as people crowd into temporary "
            "shelters."
        ),
        "body": [
            (
                "Rescue crews in flat-bottomed boats worked through the night to reach families "
                "stranded on rooftops and raised embankments after three rivers overflowed "
                "within hours of one another. Local officials said more than 40,000 people had "
                "left their homes, most of them moving to schools and community halls on higher "
                "ground."
            ),
            (
                "The rain arrived earlier and in greater volume than forecasters had expected, "
                "falling on soil that was already saturated after a wet spring. Meteorologists "
                "at the regional weather service said some districts had received a month's "
                "worth of rainfall in under two days."
            ),
            (
                "Aid groups have begun distributing drinking water, oral rehydration salts and "
                "tarpaulins, but say access to outlying villages remains difficult. Several "
                "bridges have been closed and a main road linking the district capital to the "
                "coast is under water for long stretches."
            ),
            (
                "Health workers are particularly concerned about cholera and diarrhoeal illness "
                "in crowded shelters where sanitation is limited. Mobile clinics have been sent "
                "to the largest camps, and a vaccination drive is being planned if cases begin "
                "to rise."
            ),
            (
                "Researchers who study the delta say floods of this scale are becoming more "
                "frequent as rainfall patterns shift and sea levels creep upwards. Farmers, who "
                "had only just planted the season's rice, face the prospect of losing an entire "
                "harvest."
            ),
        ],
        "days_ago": 9,
        "hour": 6,
        "image": {
            "caption": (
                "Residents wade through flooded streets on the edge of the district capital."
            ),
            "credit": "Photo: Meridian Press Agency",
            "alt": (
                "People carrying bags and a child wade waist-deep through brown floodwater "
                "between low houses."
            ),
            "palette": ("#264653", "#a8dadc"),
            "motif": "waves",
        },
        "source": "With agencies",
    },
    {
        "slug": "pacific-states-push-for-shipping-emissions-levy",
        "title": "Pacific island states push for a levy on shipping emissions at maritime talks",
        "section": "world",
        "tags": ["Climate", "Trade", "Oceans", "Diplomacy"],
        "authors": ["hartmann"],
        "standfirst": (
            "A bloc of small island nations wants a flat charge on every tonne of carbon dioxide "
            "emitted by ocean-going vessels, with the proceeds used to help vulnerable coasts "
            "adapt."
        ),
        "body": [
            (
                "Delegates from a dozen Pacific and Caribbean states arrived at this week's "
                "round of international maritime negotiations with a joint proposal for a "
                "universal levy on greenhouse gases from shipping. They argue that a flat price "
                "is simpler to administer than the trading schemes favoured by some larger "
                "economies."
            ),
            (
                "Shipping carries around four-fifths of world trade by volume and accounts for "
                "close to 3 per cent of global emissions. The sector has set itself a target of "
                "reaching net zero around the middle of the century, but campaigners say the "
                "interim milestones are too weak to make that credible."
            ),
            (
                "The island states' proposal would start at a modest rate and rise each year. "
                "Revenue would be pooled in a fund to pay for sea walls, early warning systems "
                "and the relocation of communities threatened by rising water."
            ),
            (
                "Several large exporting countries have signalled doubts, warning that a levy "
                "could raise the cost of food and raw materials for poorer importers. Industry "
                "groups are divided: some operators welcome a clear price signal, while others "
                "fear being undercut by rivals in jurisdictions that do not enforce the rules."
            ),
            (
                "Negotiators said a final deal was unlikely this week but that the proposal had "
                "shifted the terms of debate. A further session is scheduled for the spring, "
                "when a draft text could be put to a vote."
            ),
        ],
        "days_ago": 26,
        "hour": 14,
        "image": {
            "caption": "A container ship leaves port at dawn.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "A large container ship stacked with coloured containers sailing out of a "
                "harbour under a pale sky."
            ),
            "palette": ("#023e8a", "#90e0ef"),
            "motif": "waves",
        },
        "source": "",
    },
    {
        "slug": "horn-of-africa-drought-aid-appeal",
        "title": "Aid agencies appeal for funds as drought deepens across the Horn of Africa",
        "section": "world",
        "tags": ["Climate", "Health"],
        "authors": ["lindqvist"],
        "standfirst": (
            "A fifth failed rainy season has left herders without pasture and pushed food prices "
            "to record levels in several markets."
        ),
        "body": [
            (
                "A coalition of humanitarian organisations has launched an emergency appeal "
                "after another rainy season brought only a fraction of the expected rain to "
                "pastoral regions. Wells have dried up and livestock losses are mounting, "
                "stripping families of their main source of income and food."
            ),
            (
                "Staple grain prices in some local markets have more than doubled in a year, "
                "according to figures collected by the groups. Nutrition teams report rising "
                "numbers of children being admitted for treatment at feeding centres."
            ),
            (
                "<ul><li>More than 8 million people need food assistance, the coalition "
                "estimates.</li><li>Around 2 million head of livestock have died since last "
                "year.</li><li>The appeal is less than a third funded so far.</li></ul>"
            ),
            (
                "Field staff say the crisis is being compounded by high fuel costs, which make "
                "trucking water to remote settlements more expensive. Some families have walked "
                "for days to reach towns where aid is distributed."
            ),
            (
                "Donor governments have pledged additional support, but aid officials warn that "
                "money is arriving too slowly to prevent the situation from worsening. "
                "Forecasters say there is a significant chance that the next rains will also be "
                "below average."
            ),
        ],
        "days_ago": 38,
        "hour": 9,
        "image": {
            "caption": (
                "A herder leads goats across cracked ground near a dried-up watering hole."
            ),
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A man in a red cloth walks with a small herd of goats across dry, cracked earth "
                "under a hazy sun."
            ),
            "palette": ("#6f4518", "#f4a261"),
            "motif": "mountains",
        },
        "source": "With agencies",
    },
    {
        "slug": "andean-town-votes-on-copper-mine-expansion",
        "title": "Andean mining town votes on copper expansion that would double output",
        "section": "world",
        "tags": ["Energy", "Trade", "Labour"],
        "authors": ["okafor"],
        "standfirst": (
            "Residents are split between the promise of hundreds of new jobs and fears for a "
            "glacier-fed water supply that farmers have relied on for generations."
        ),
        "body": [
            (
                "Voters in the high-altitude town of San Lorenzo de Alto cast ballots in a "
                "non-binding consultation on whether to allow an expansion of the open-pit "
                "copper mine that dominates the valley. The operator, Cordillera Metals, says "
                "the project would create around 900 permanent jobs and extend the mine's life "
                "by two decades."
            ),
            (
                "Copper demand has been rising sharply because the metal is essential for "
                "electric vehicles, power lines and wind turbines. Cordillera says the expansion "
                "would make the mine one of the region's most efficient, using desalinated water "
                "pumped from the coast rather than local sources."
            ),
            (
                "Opponents, led by a farmers' association, say previous promises on water have "
                "not been kept and that dust from existing operations already settles on crops. "
                "They want independent monitoring before any new permits are granted. The "
                "association's president, Elena Mamani, put the case bluntly at a rally on the "
                "eve of the vote."
            ),
            (
                "<blockquote><p>Nobody here is against work. We are against waking up one day to "
                "find the river has gone and being told it was nobody's fault.</p></blockquote>"
            ),
            (
                "The result will be passed to the regional environmental authority, which has "
                "the final say. Counting was continuing late into the evening, with turnout "
                "reported to be unusually high."
            ),
        ],
        "days_ago": 17,
        "hour": 21,
        "image": {
            "caption": "The existing open-pit mine seen from the road above San Lorenzo de Alto.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "Terraced grey and ochre walls of a vast open-pit mine with trucks on winding "
                "ramps and snow-capped peaks behind."
            ),
            "palette": ("#5e503f", "#c6ac8f"),
            "motif": "mountains",
        },
        "source": "",
    },
    {
        "slug": "container-freight-rates-fall-to-two-year-low",
        "title": "Container freight rates fall to a two-year low as new ships flood the market",
        "section": "world",
        "tags": ["Trade", "Inflation", "China", "United States"],
        "authors": ["okafor"],
        "standfirst": (
            "A wave of newly built vessels and softer demand from Western shoppers has pushed "
            "the cost of moving goods between Asia and Europe sharply lower."
        ),
        "body": [
            (
                "The average price of shipping a standard 40ft container from east Asia to "
                "northern Europe has fallen by more than a third since the summer, according to "
                "an index compiled by freight analysts. Rates on transpacific routes have "
                "dropped by a similar margin."
            ),
            (
                "Shipbuilders delivered a record number of large container vessels this year, "
                "many of them ordered during the boom that followed the pandemic. With orders "
                "for consumer goods slowing, carriers are struggling to fill them."
            ),
            (
                "Lower freight costs could help ease price pressures on imported goods, "
                "economists say, though the effect usually takes several months to reach shop "
                "shelves. Retailers have already begun renegotiating contracts for next season."
            ),
            (
                "Some lines have responded by cancelling sailings and sending older ships for "
                "scrap. Analysts at the consultancy Harbourline said further consolidation among "
                "carriers was likely if rates remained at current levels into the new year."
            ),
        ],
        "days_ago": 52,
        "hour": 11,
        "image": {
            "caption": "Gantry cranes load containers at a deep-water terminal.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "Rows of towering blue gantry cranes above stacks of red, blue and grey shipping "
                "containers at a port."
            ),
            "palette": ("#1d3557", "#e63946"),
            "motif": "chart",
        },
        "source": "",
    },
    {
        "slug": "measles-vaccination-drive-reaches-remote-villages",
        "title": (
            "Measles vaccination drive reaches remote villages after outbreaks in three provinces"
        ),
        "section": "world",
        "tags": ["Health", "Biology"],
        "authors": ["lindqvist"],
        "standfirst": (
            "Health teams travelling by motorbike and canoe aim to immunise more than a million "
            "children before the dry season ends."
        ),
        "body": [
            (
                "A nationwide measles campaign has entered its second week, with vaccination "
                "teams fanning out into districts that have recorded some of the lowest "
                "immunisation rates in the region. The drive follows outbreaks that have "
                "sickened thousands of children since the start of the year."
            ),
            (
                "Measles is one of the most contagious diseases known, and health experts say at "
                "least 95 per cent of a population needs two doses to prevent sustained spread. "
                "Coverage in some rural districts has fallen well below that level after years "
                "of disrupted routine services."
            ),
            "<h2>Cold chain on the move</h2>",
            (
                "The vaccine must be kept cold from the factory to the patient, a serious "
                "challenge in areas without reliable electricity. Teams are carrying doses in "
                "insulated boxes packed with ice, and solar-powered fridges have been installed "
                "at a number of rural health posts."
            ),
            (
                "Community leaders and religious figures have been recruited to counter rumours "
                "about side-effects, which organisers say contributed to low uptake in previous "
                "rounds. Early figures suggest turnout is higher than expected in several "
                "districts."
            ),
            (
                "Officials say they will follow the campaign with a push to restore regular "
                "childhood vaccinations, arguing that one-off drives cannot substitute for a "
                "functioning primary health system. A second round is planned for next year in "
                "districts where coverage remains low."
            ),
        ],
        "days_ago": 0,
        "hour": 7,
        "image": {
            "caption": "A health worker vaccinates a child at a village clinic.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A nurse in a blue uniform gives an injection in the upper arm of a young child "
                "sitting on a woman's lap."
            ),
            "palette": ("#2a9d8f", "#e9f5db"),
            "motif": "podium",
        },
        "source": "",
    },
    {
        "slug": "osce-stockholm-lavrov-warns-of-return-to-confrontation",
        "title": (
            "Lavrov warns of return to military confrontation in Europe after talks with US at OSCE"
        ),
        "section": "europe",
        "tags": ["OSCE", "Diplomacy", "Russia", "United States"],
        "authors": ["hartmann"],
        "standfirst": (
            "Russia's foreign minister met the US secretary of state on the sidelines of the "
            "OSCE ministerial meeting in Stockholm, where tension over Ukraine and Nato's "
            "eastern flank overshadowed the gathering."
        ),
        "body": [
            (
                "Sergei Lavrov, Russia's foreign minister, told fellow ministers at the "
                "Organization for Security and Co-operation in Europe meeting in Stockholm that "
                'the "nightmare of military confrontation" was in danger of returning to the '
                "continent. He spoke on the same day that he sat down with Antony Blinken, the "
                "US secretary of state, for talks on the margins of the two-day gathering."
            ),
            (
                "The meeting between the two men, held behind closed doors and lasting well "
                "under an hour, was dominated by the build-up of Russian forces near Ukraine's "
                "borders, which Western governments have described as a cause of serious "
                "concern. Moscow denies planning any attack on its neighbour and insists it is "
                "free to move troops on its own territory."
            ),
            (
                "In his address to the conference, Lavrov repeated Moscow's demand for firm "
                "guarantees that Nato will not expand further east or place offensive weapons "
                "close to Russia's borders. He accused the alliance of moving its infrastructure "
                "ever closer to Russia and argued that the security arrangements built in Europe "
                "after the cold war were being steadily eroded."
            ),
            (
                "According to the US account of the talks, Blinken made clear that Washington "
                "and its allies were prepared to respond with serious economic measures if "
                "Russia took fresh military action against Ukraine. He pressed Moscow to return "
                "to diplomacy under the Minsk agreements, the framework intended to end the "
                "conflict in eastern Ukraine."
            ),
            (
                "Neither side reported any breakthrough. Both delegations indicated that "
                "contacts would continue, and officials in both capitals pointed to the "
                "possibility of a conversation between the two countries' presidents in the near "
                "future."
            ),
            "<h2>An organisation under strain</h2>",
            (
                "The OSCE, whose 57 participating states stretch from North America to Central "
                "Asia, was built to keep channels open between East and West. Diplomats in "
                "Stockholm said expectations of a substantive joint statement were low, a "
                "pattern that has become familiar as consensus among members has grown harder to "
                "reach. Sweden, which holds the rotating chairmanship this year, is due to hand "
                "over to Poland."
            ),
        ],
        "days_ago": 1,
        "hour": 17,
        "image": {
            "caption": (
                "Delegations gather in the plenary hall at the OSCE ministerial meeting in "
                "Stockholm."
            ),
            "credit": "Photo: Meridian Press Agency",
            "alt": (
                "Rows of delegates seated at long curved tables with national name plates, "
                "facing a raised podium and large screens."
            ),
            "palette": ("#1d3557", "#a8dadc"),
            "motif": "podium",
        },
        "source": "With agencies",
    },
    {
        "slug": "eu-ministers-agree-gas-storage-targets-for-winter",
        "title": "EU energy ministers agree gas storage targets ahead of winter",
        "section": "europe",
        "tags": ["Energy", "European Union", "Russia"],
        "authors": ["hartmann", "okafor"],
        "standfirst": (
            "Member states will aim to fill underground reserves to at least 90 per cent by the "
            "start of November, with flexibility for countries that have little storage of their "
            "own."
        ),
        "body": [
            (
                "Energy ministers meeting in Luxembourg backed a plan to keep Europe's gas "
                "storage sites close to full before the heating season, extending a rule first "
                "introduced as an emergency measure. Diplomats said the agreement was reached "
                "after several hours of negotiation over how strictly the targets should be "
                "enforced."
            ),
            (
                "Countries with large storage capacity relative to their consumption, such as "
                "Austria and Latvia, had argued for more leeway, saying the rules forced them to "
                "buy gas at high prices on behalf of their neighbours. The compromise allows "
                "targets to be met jointly and gives governments some discretion over the timing "
                "of purchases."
            ),
            (
                "Europe has sharply reduced its reliance on pipeline gas from Russia and now "
                "imports far more liquefied natural gas by sea. Traders say well-stocked storage "
                "helps to dampen price spikes when cold weather arrives."
            ),
            (
                "Environmental groups criticised the decision, arguing that it locks in demand "
                "for fossil fuels at a time when the bloc should be accelerating investment in "
                "heat pumps, insulation and renewable power. Officials said the measure would be "
                "reviewed in two years. The text still needs formal approval from the European "
                "Parliament, which is expected to vote on it next month."
            ),
        ],
        "days_ago": 5,
        "hour": 16,
        "image": {
            "caption": "Pipes and valves at an underground gas storage facility.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "A tangle of yellow-painted pipes, valves and pressure gauges at an industrial "
                "site under a grey sky."
            ),
            "palette": ("#3d405b", "#f2cc8f"),
            "motif": "chart",
        },
        "source": "",
    },
    {
        "slug": "new-night-train-links-vienna-and-amsterdam",
        "title": "New sleeper service links Vienna and Amsterdam as night trains make a comeback",
        "section": "europe",
        "tags": ["Transport", "Climate", "Germany"],
        "authors": ["hartmann"],
        "standfirst": (
            "A private operator is betting that travellers will swap short-haul flights for a "
            "bunk and breakfast on board."
        ),
        "body": [
            (
                "The first departure of the Nachtstern service left Vienna's main station just "
                "after eight in the evening, with every one of its couchette berths sold. The "
                "train is scheduled to reach Amsterdam a little after nine the next morning, "
                "calling at Linz, Nuremberg and Cologne along the way."
            ),
            (
                "Its operator, a start-up called Nachtstern Bahn, has leased refurbished "
                "carriages and pays state railways to haul them. Fares start at about the price "
                "of a budget flight for a seat and rise steeply for private compartments with "
                "their own shower."
            ),
            (
                "Night trains largely disappeared from western Europe in the 2000s as low-cost "
                "airlines undercut them, but demand has recovered as travellers look for "
                "lower-carbon alternatives. Several national operators have reintroduced routes, "
                "and the European Commission has backed pilot projects."
            ),
            (
                "<ul><li>Departs Vienna at 20:12, arrives Amsterdam at 09:05.</li><li>Three "
                "nights a week, rising to daily from the spring.</li><li>Bicycles can be carried "
                "in a dedicated compartment.</li></ul>"
            ),
            (
                "Rail experts caution that night services are expensive to run, since each "
                "carriage carries far fewer passengers than a day train and can make only one "
                "trip a day. Track access charges, which vary widely between countries, can make "
                "or break a route."
            ),
        ],
        "days_ago": 13,
        "hour": 8,
        "image": {
            "caption": "Passengers board the first Nachtstern service in Vienna.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "A dark blue sleeper train at a station platform at night, with passengers and "
                "suitcases lined up by the open doors."
            ),
            "palette": ("#14213d", "#fca311"),
            "motif": "skyline",
        },
        "source": "",
    },
    {
        "slug": "danube-low-water-levels-halt-barge-traffic",
        "title": "Low water on the Danube forces barges to sail half-empty",
        "section": "europe",
        "tags": ["Climate", "Transport", "Trade"],
        "authors": ["hartmann"],
        "standfirst": (
            "Shippers say a long dry spell has cut the river's depth to levels that make fully "
            "loaded voyages impossible on several stretches."
        ),
        "body": [
            (
                "Barge operators on the Danube have cut their loads by as much as half after "
                "weeks without significant rain left parts of the river too shallow for heavily "
                "laden vessels. Some companies have suspended services altogether on the stretch "
                "between Bavaria and the Austrian border."
            ),
            (
                "The river is a vital route for grain, fertiliser, steel and fuel, and lower "
                "loads mean more trips and higher costs. Freight brokers said rates had risen by "
                "about a quarter since the start of the month."
            ),
            (
                "Hydrologists say low-water periods on major European rivers have become more "
                "frequent and longer-lasting. A similar episode on the Rhine a few summers ago "
                "disrupted deliveries to chemical plants and power stations."
            ),
            (
                "Authorities are dredging critical shallows and have asked shippers to report "
                "groundings promptly. Forecasters expect some relief from rain later in the "
                "week, but warn that it will take time for levels to recover."
            ),
        ],
        "days_ago": 34,
        "hour": 12,
        "image": {
            "caption": "A cargo barge passes exposed sandbanks on the Danube.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A long, low cargo barge moving along a narrowed river channel past wide banks "
                "of exposed sand and stones."
            ),
            "palette": ("#355070", "#eaac8b"),
            "motif": "waves",
        },
        "source": "",
    },
    {
        "slug": "farmers-block-motorways-over-fertiliser-costs",
        "title": (
            "Farmers block motorways in France in protest over fertiliser costs and red tape"
        ),
        "section": "europe",
        "tags": ["France", "Trade", "European Union", "Labour"],
        "authors": ["hartmann"],
        "standfirst": (
            "Convoys of tractors slowed traffic around several cities as growers demanded relief "
            "from rising input costs and simpler environmental paperwork."
        ),
        "body": [
            (
                "Hundreds of tractors rolled onto motorways around Toulouse, Lyon and Rouen, "
                "bringing traffic to a crawl and stranding lorries at toll barriers. Organisers "
                "said the protests would continue until the government agreed to meet farmers' "
                "representatives."
            ),
            (
                "Growers say the price of fertiliser remains far above its level of a few years "
                "ago, while the prices they receive for wheat and milk have fallen back. Many "
                "also complain that environmental reporting requirements take up days of "
                "paperwork each season."
            ),
            (
                "The agriculture ministry said it was open to talks and would examine ways to "
                "simplify administrative procedures. It rejected calls to suspend environmental "
                "rules, saying many of them were set at European level."
            ),
            (
                "Police largely allowed the convoys to proceed but cleared several blockades "
                "near fuel depots. Farm unions in Belgium and Spain have announced solidarity "
                "actions later in the week."
            ),
        ],
        "days_ago": 22,
        "hour": 10,
        "image": {
            "caption": "Tractors block a motorway slip road near Toulouse.",
            "credit": "Photo: Meridian Press Agency",
            "alt": (
                "A long line of green and red tractors parked across a motorway, with protest "
                "banners draped on their fronts."
            ),
            "palette": ("#386641", "#f2e8cf"),
            "motif": "mountains",
        },
        "source": "With agencies",
    },
    {
        "slug": "nato-expands-baltic-air-policing-mission",
        "title": "Nato expands air policing over the Baltic as allies add fighter jets",
        "section": "europe",
        "tags": ["NATO", "Russia", "Diplomacy"],
        "authors": ["hartmann"],
        "standfirst": (
            "Additional aircraft will be stationed in Lithuania and Estonia, doubling the number "
            "of jets on quick reaction alert in the region."
        ),
        "body": [
            (
                "Nato said it would add fighter aircraft to its long-running air policing "
                "mission over the Baltic states, which have no combat jets of their own. Crews "
                "from several allies will rotate through bases in Lithuania and Estonia for "
                "four-month deployments."
            ),
            (
                "The mission's pilots are regularly scrambled to identify aircraft flying near "
                "allied airspace without filing flight plans or using transponders. Alliance "
                "officials said the number of such intercepts had risen over the past year."
            ),
            (
                "Military analysts said the move was a modest but visible signal of support for "
                "the Baltic states, whose governments have pressed for a larger and more "
                "permanent allied presence. The deployments are funded by the contributing "
                "countries rather than a common Nato budget."
            ),
            (
                "A defence ministry spokesperson in Tallinn, Kadri Mets, said the additional "
                "jets would shorten response times and allow more training with ground-based air "
                "defences. She added that the ministry would fund improvements to runway "
                "lighting and fuel storage at the host air base."
            ),
        ],
        "days_ago": 47,
        "hour": 15,
        "image": {
            "caption": "A fighter jet takes off from an air base in the Baltic region.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "A grey military fighter jet lifting off a runway with afterburners glowing, "
                "pine forest in the background."
            ),
            "palette": ("#22333b", "#c6d8d3"),
            "motif": "orbit",
        },
        "source": "",
    },
    {
        "slug": "electoral-commission-backs-votes-at-16-for-local-polls",
        "title": "Electoral commission backs votes at 16 for local elections",
        "section": "politics",
        "tags": ["Elections", "Education"],
        "authors": ["hartmann"],
        "standfirst": (
            "The watchdog says lowering the voting age for council elections would be workable "
            "by next year, but warns that registration systems need upgrading first."
        ),
        "body": [
            (
                "The independent electoral commission has recommended that 16- and 17-year-olds "
                "be allowed to vote in local elections, in a report that gives fresh momentum to "
                "a long-running campaign. The change would add roughly 1.4 million people to the "
                "electorate for council and mayoral contests."
            ),
            (
                "The commission said evidence from places that have already lowered the voting "
                "age suggested young people who vote at their first opportunity are more likely "
                "to keep voting. It found no sign that turnout among older groups was affected."
            ),
            (
                "Ministers said they would study the report carefully but stopped short of "
                "committing to legislation. Opposition parties, which have long backed votes at "
                "16, urged the government to act in time for the next round of local polls."
            ),
            (
                "Critics argue that the age of majority should be consistent across voting, jury "
                "service and other civic duties. The commission acknowledged the debate but said "
                "the question of principle was one for parliament."
            ),
        ],
        "days_ago": 15,
        "hour": 9,
        "image": {
            "caption": "A polling station sign outside a community centre.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "A white sign with an arrow reading Polling Station fixed to railings outside a "
                "brick community hall."
            ),
            "palette": ("#3a0ca3", "#f72585"),
            "motif": "podium",
        },
        "source": "",
    },
    {
        "slug": "housing-bill-clears-second-reading-after-late-vote",
        "title": (
            "Housing bill clears second reading after late-night vote and a backbench revolt"
        ),
        "section": "politics",
        "tags": ["Housing", "Elections"],
        "authors": ["okafor"],
        "standfirst": (
            "The government's flagship planning reforms survived their first major test, but "
            "more than 30 of its own MPs abstained or voted against."
        ),
        "body": [
            (
                "The housing and planning bill passed its second reading shortly before midnight "
                "by a majority of 41, narrower than the government's working majority would "
                "suggest. Several backbenchers representing rural and suburban seats said the "
                "bill gave too much power to developers."
            ),
            (
                "The legislation would set binding housebuilding targets for every council area "
                "and allow ministers to override local objections to large schemes near railway "
                "stations. It also introduces a levy on landowners to fund roads, schools and "
                "surgeries in new developments."
            ),
            (
                "The housing minister, Laura Pennington, told MPs that the country had built too "
                "few homes for decades and that the result was rising rents and a generation "
                "locked out of ownership. She promised to work with critics as the bill moved to "
                "committee stage."
            ),
            (
                "Whips are expected to offer concessions on green belt protections to win round "
                "rebels before the bill returns to the chamber. Housing charities welcomed the "
                "vote but said the bill needed stronger commitments on social rented homes."
            ),
        ],
        "days_ago": 8,
        "hour": 23,
        "image": {
            "caption": "New-build homes under construction on the edge of a market town.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "Half-built brick houses with scaffolding and a crane on a muddy building site "
                "beside green fields."
            ),
            "palette": ("#6d597a", "#eaac8b"),
            "motif": "skyline",
        },
        "source": "",
    },
    {
        "slug": "independents-gain-ground-in-northvale-regional-vote",
        "title": "Independents gain ground in Northvale regional vote as turnout rises",
        "section": "politics",
        "tags": ["Elections", "Health", "Transport"],
        "authors": ["hartmann"],
        "standfirst": (
            "Local candidates campaigning on hospital services and bus routes took seats from "
            "both main parties in a result that surprised pollsters."
        ),
        "body": [
            (
                "Independent candidates won 14 of the 60 seats on the Northvale regional "
                "assembly, up from just three at the last election. Turnout rose to 47 per cent, "
                "its highest level since the assembly was created."
            ),
            (
                "Many of the winning independents had campaigned against the planned closure of "
                "an accident and emergency unit in the region's second city. Others focused on "
                "the loss of rural bus services, which have been cut back sharply over the past "
                "decade."
            ),
            (
                "The governing party remains the largest group but lost its majority and will "
                "need to seek a partnership to pass its budget. Its regional leader, Tom Harrow, "
                "said voters had sent a clear message and that he would open talks with all "
                "groups."
            ),
            (
                "Political scientists said the result reflected a broader fragmentation of "
                "support for the established parties, especially in areas where local services "
                "are seen to have deteriorated. Pre-election polling had underestimated the "
                "independent vote by a wide margin."
            ),
        ],
        "days_ago": 29,
        "hour": 4,
        "image": {
            "caption": "Counting staff sort ballot papers at the Northvale count.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "Rows of counting staff at trestle tables sorting piles of ballot papers in a "
                "sports hall under bright lights."
            ),
            "palette": ("#003049", "#fcbf49"),
            "motif": "chart",
        },
        "source": "",
    },
    {
        "slug": "committee-criticises-defence-procurement-delays",
        "title": "MPs criticise defence procurement delays that have added billions to costs",
        "section": "politics",
        "tags": ["NATO", "Labour"],
        "authors": ["hartmann"],
        "standfirst": (
            "A cross-party committee says armoured vehicle and radar programmes are years behind "
            "schedule and that commitments to allies are at risk."
        ),
        "body": [
            (
                "The defence committee's report found that a dozen major equipment programmes "
                "were running an average of three years late, adding an estimated 6 billion to "
                "their combined costs. It said repeated changes to requirements and a shortage "
                "of skilled engineers were the main causes."
            ),
            (
                "The committee warned that delays to new armoured vehicles could leave units "
                "unable to meet commitments made to Nato allies for rapid reinforcement. It "
                "called for a smaller number of projects to be prioritised and properly funded."
            ),
            "<h2>Skills shortage</h2>",
            (
                "Witnesses told the committee that the defence industry was competing with "
                "energy and technology companies for the same engineers and software "
                "specialists. Apprenticeship numbers in the sector have fallen over the past "
                "five years."
            ),
            (
                "The defence ministry said it accepted that some programmes had faced "
                "difficulties and pointed to reforms introduced last year to speed up "
                "decision-making. It will formally respond to the report within two months."
            ),
        ],
        "days_ago": 41,
        "hour": 10,
        "image": {
            "caption": "Armoured vehicles on a training range.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "Two olive-green armoured vehicles driving across a muddy training range with "
                "low hills in the background."
            ),
            "palette": ("#283618", "#dda15e"),
            "motif": "mountains",
        },
        "source": "",
    },
    {
        "slug": "lobbying-register-rules-tightened-after-review",
        "title": (
            "Lobbying rules tightened as ministers accept review's call for a wider register"
        ),
        "section": "politics",
        "tags": ["Elections", "Diplomacy"],
        "authors": ["hartmann"],
        "standfirst": (
            "In-house lobbyists and consultants advising foreign governments will have to "
            "declare their meetings with ministers and senior officials."
        ),
        "body": [
            (
                "The government has accepted most recommendations of an independent review of "
                "lobbying, extending the statutory register beyond consultant lobbyists to cover "
                "companies and charities that employ their own staff to influence policy. "
                "Meetings with senior civil servants, as well as ministers, will now have to be "
                "declared."
            ),
            (
                "The review was commissioned after a series of stories about former ministers "
                "taking paid roles with firms that had business before their old departments. It "
                "found that existing rules were narrow, poorly enforced and easy to avoid."
            ),
            (
                "People acting on behalf of foreign governments or state-owned companies will "
                "face additional disclosure requirements, including the amount they are paid. "
                "The reviewer, retired judge Eleanor Whitcombe, said transparency was the best "
                "protection against improper influence."
            ),
            (
                "Transparency campaigners welcomed the changes but said the register's watchdog "
                "needed more staff and the power to impose larger fines. Business groups warned "
                "against creating paperwork that could discourage legitimate engagement with "
                "government."
            ),
        ],
        "days_ago": 58,
        "hour": 13,
        "image": {
            "caption": "The entrance to a government department in the capital.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "Stone steps and columns at the entrance of a grand government building, with a "
                "security guard by the door."
            ),
            "palette": ("#2b2d42", "#edf2f4"),
            "motif": "podium",
        },
        "source": "",
    },
    {
        "slug": "ministers-unveil-plan-to-cap-regulated-rail-fares",
        "title": "Ministers unveil plan to cap regulated rail fare rises below inflation",
        "section": "politics",
        "tags": ["Transport", "Inflation"],
        "authors": ["okafor"],
        "standfirst": (
            "Season tickets and off-peak returns will rise by no more than 3 per cent next year, "
            "but unions say the cap does nothing to fix unreliable services."
        ),
        "body": [
            (
                "Regulated rail fares, which include most season tickets and many off-peak "
                "returns, will rise by a maximum of 3 per cent in January, below the current "
                "rate of inflation. The transport secretary said the cap would save a typical "
                "commuter more than a hundred a year."
            ),
            (
                "Fares have risen faster than wages for much of the past decade, and passenger "
                "groups say the cost of travel has discouraged people from returning to offices. "
                "Operators had expected a larger increase to help cover rising energy and staff "
                "costs."
            ),
            (
                "The Treasury will make up the difference through an increase in the subsidy "
                "paid to train companies, estimated at around 200 million. Opposition parties "
                "said the announcement was welcome but overdue."
            ),
            (
                "Rail unions said the cap did not address cancellations and overcrowding, which "
                "they blamed on staff shortages and cuts to maintenance budgets. Passenger "
                "watchdogs urged the government to simplify ticketing, which they described as "
                "bewildering."
            ),
        ],
        "days_ago": 2,
        "hour": 12,
        "image": {
            "caption": "Commuters wait on a crowded platform during the morning rush.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A crowd of commuters in coats standing on a station platform as a train pulls "
                "in, departure boards overhead."
            ),
            "palette": ("#0b132b", "#5bc0be"),
            "motif": "skyline",
        },
        "source": "",
    },
    {
        "slug": "eurozone-inflation-eases-for-third-month",
        "title": "Eurozone inflation eases for a third month as energy prices fall",
        "section": "business",
        "tags": ["Inflation", "Central banks", "European Union", "Energy"],
        "authors": ["okafor"],
        "standfirst": (
            "Headline price growth slowed to 2.4 per cent, but core inflation, which strips out "
            "food and energy, proved more stubborn."
        ),
        "body": [
            (
                "Consumer prices in the euro area rose by 2.4 per cent in the year to last "
                "month, down from 2.6 per cent, according to a flash estimate from the "
                "statistics office. It was the third consecutive monthly fall and brought "
                "inflation closer to the central bank's 2 per cent target."
            ),
            (
                "The decline was driven by lower energy costs, as fuel and household electricity "
                "prices continued to fall from last year's highs. Food inflation also eased "
                "slightly."
            ),
            (
                "Core inflation, which excludes volatile items, held steady at 2.9 per cent, "
                "reflecting persistent increases in the cost of services such as restaurants, "
                "insurance and holidays. Economists said strong wage growth was keeping services "
                "inflation elevated."
            ),
            (
                "Markets continue to expect the central bank to lower interest rates at its next "
                "meeting, though some analysts said the core figures could make policymakers "
                "more cautious about the pace of further cuts. The bank's next policy meeting is "
                "in six weeks."
            ),
        ],
        "days_ago": 4,
        "hour": 10,
        "image": {
            "caption": "Shoppers at a market stall in Frankfurt.",
            "credit": "Photo: Meridian Press Agency",
            "alt": (
                "Customers choosing vegetables at an outdoor market stall with handwritten price "
                "signs in euros."
            ),
            "palette": ("#03045e", "#ffd166"),
            "motif": "chart",
        },
        "source": "With agencies",
    },
    {
        "slug": "central-bank-holds-rates-and-signals-cut",
        "title": "Central bank holds interest rates but signals a cut is coming in the spring",
        "section": "business",
        "tags": ["Central banks", "Inflation", "Housing"],
        "authors": ["okafor"],
        "standfirst": (
            "Policymakers voted seven to two to keep borrowing costs unchanged, with the "
            "minority favouring an immediate reduction."
        ),
        "body": [
            (
                "The central bank kept its main interest rate at 4.25 per cent, as most "
                "economists had expected, but its statement suggested that a reduction could "
                "come as soon as its next meeting. Two members of the rate-setting committee "
                "voted for an immediate cut of a quarter point."
            ),
            (
                "The bank said inflation had fallen faster than it predicted in the autumn and "
                "that the labour market was cooling, with vacancies down and pay growth slowing. "
                "It revised down its forecast for inflation next year."
            ),
            (
                "Mortgage lenders have already begun trimming fixed-rate deals in anticipation "
                "of lower borrowing costs. Brokers said the average two-year fixed rate had "
                "fallen to its lowest level in 18 months."
            ),
            (
                "Savers, who have benefited from higher rates, are likely to see returns on "
                "easy-access accounts fall. Analysts at the research firm Castlegate Economics "
                "said they expected three cuts over the course of the year."
            ),
        ],
        "days_ago": 11,
        "hour": 12,
        "image": {
            "caption": "The central bank's headquarters in the financial district.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "The imposing stone facade of a central bank building with tall columns, and "
                "pedestrians passing in front."
            ),
            "palette": ("#212529", "#adb5bd"),
            "motif": "chart",
        },
        "source": "",
    },
    {
        "slug": "harlow-finch-profits-jump-as-shoppers-trade-down",
        "title": "Supermarket chain Harlow & Finch reports profit jump as shoppers trade down",
        "section": "business",
        "tags": ["Inflation", "Labour"],
        "authors": ["okafor"],
        "standfirst": (
            "The grocer's own-label ranges drew customers from pricier rivals, lifting half-year "
            "profits by almost a fifth."
        ),
        "body": [
            (
                "Harlow & Finch, the country's fifth-largest supermarket group, reported pre-tax "
                "profits of 312 million for the six months to the end of August, up 19 per cent "
                "on a year earlier. Like-for-like sales grew by 5.8 per cent."
            ),
            (
                "The company said sales of its budget own-brand range had risen sharply as "
                "households looked for ways to cut their grocery bills. It has added more than "
                "400 products to the range over the past year."
            ),
            (
                "Chief executive Priya Raman said the group had invested in lower prices and "
                "would continue to do so, funding the cuts through savings in distribution and "
                "energy use. The company has also agreed a pay rise for shop-floor staff that "
                "takes hourly rates above the statutory minimum."
            ),
            (
                "Shares in the company rose by 6 per cent in early trading. Analysts said the "
                "results showed mid-sized grocers could compete with discounters, but warned "
                "that price competition would squeeze margins in the second half."
            ),
        ],
        "days_ago": 19,
        "hour": 8,
        "image": {
            "caption": "Customers at a Harlow & Finch store.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "Shoppers pushing trolleys down a brightly lit supermarket aisle lined with "
                "shelves of packaged food."
            ),
            "palette": ("#006d77", "#ffddd2"),
            "motif": "chart",
        },
        "source": "",
    },
    {
        "slug": "nordstahl-switches-first-furnace-to-hydrogen",
        "title": "Steelmaker Nordstahl switches its first furnace to hydrogen",
        "section": "business",
        "tags": ["Energy", "Climate", "Germany"],
        "authors": ["okafor"],
        "standfirst": (
            "The plant will use hydrogen instead of coking coal to strip oxygen from iron ore, "
            "cutting emissions from one production line by up to 90 per cent."
        ),
        "body": [
            (
                "Nordstahl has started producing iron at its site in Lower Saxony using hydrogen "
                "rather than coal, becoming one of the first large steelmakers in Europe to run "
                "such a plant commercially. The company says the line will eventually produce 2 "
                "million tonnes a year."
            ),
            (
                "Steelmaking is one of the largest sources of industrial carbon emissions, and "
                "the traditional blast furnace process relies heavily on coal. Hydrogen-based "
                "direct reduction produces water vapour instead of carbon dioxide, although "
                "emissions depend on how the hydrogen is made."
            ),
            "<h2>Cost questions</h2>",
            (
                "For now, much of the hydrogen will be produced from natural gas, with the share "
                "made using renewable electricity rising as new electrolysers come online. "
                "Nordstahl received state aid towards the project and has signed supply deals "
                "with carmakers willing to pay a premium for low-carbon steel."
            ),
            (
                "Industry analysts say the economics remain challenging, with green hydrogen "
                "still several times more expensive than coal. The company's finance director, "
                "Jens Albers, said the investment would pay off as carbon prices rose and "
                "customers demanded cleaner materials."
            ),
        ],
        "days_ago": 31,
        "hour": 14,
        "image": {
            "caption": "The new direct reduction plant at Nordstahl's Lower Saxony works.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "A tall steel tower and pipework of an industrial plant beside older blast "
                "furnaces, with steam rising into a blue sky."
            ),
            "palette": ("#432818", "#ffe6a7"),
            "motif": "skyline",
        },
        "source": "",
    },
    {
        "slug": "port-workers-strike-over-automation-plans",
        "title": (
            "Port workers walk out over automation plans at one of the country's busiest terminals"
        ),
        "section": "business",
        "tags": ["Labour", "Trade", "Artificial intelligence"],
        "authors": ["okafor"],
        "standfirst": (
            "Dockers say remote-controlled cranes and driverless vehicles threaten hundreds of "
            "jobs, while the operator insists the terminal must modernise to survive."
        ),
        "body": [
            (
                "Around 1,200 dock workers began a 72-hour strike at the Eastmouth container "
                "terminal, halting most loading and unloading. Several ships were diverted to "
                "other ports, and queues of lorries formed on the approach roads."
            ),
            (
                "The dispute centres on plans by the terminal's operator, Saltmere Ports, to "
                "introduce remote-operated cranes and automated guided vehicles over the next "
                "five years. The union says the plans could eliminate up to 400 roles."
            ),
            (
                "Saltmere said no compulsory redundancies were planned and that staff would be "
                "retrained to operate and maintain the new equipment. It argued that competing "
                "terminals in northern Europe had already automated and were winning business as "
                "a result."
            ),
            (
                "Talks brokered by the conciliation service are due to resume after the strike. "
                "Importers warned that a prolonged dispute could delay deliveries ahead of the "
                "busy pre-Christmas season."
            ),
        ],
        "days_ago": 44,
        "hour": 6,
        "image": {
            "caption": "Striking dock workers gather at the entrance to the Eastmouth terminal.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "A group of workers in high-visibility jackets holding union flags at a port "
                "gate, with idle cranes behind them."
            ),
            "palette": ("#1b263b", "#ff9f1c"),
            "motif": "skyline",
        },
        "source": "",
    },
    {
        "slug": "mortgage-approvals-rise-as-rates-ease",
        "title": (
            "Mortgage approvals rise to their highest level in a year as borrowing costs ease"
        ),
        "section": "business",
        "tags": ["Housing", "Central banks"],
        "authors": ["okafor"],
        "standfirst": (
            "Lenders approved more than 60,000 loans for house purchase last month, suggesting "
            "buyers are returning to a market that stalled when rates peaked."
        ),
        "body": [
            (
                "The number of mortgages approved for house purchases rose for the fourth month "
                "in a row, reaching its highest level in 12 months, according to figures from "
                "the central bank. Approvals for remortgaging also increased."
            ),
            (
                "Estate agents reported a rise in viewings and offers, particularly among "
                "first-time buyers who had put plans on hold. Asking prices have edged up in "
                "most regions, though they remain below their peak in real terms."
            ),
            (
                "Economists cautioned that affordability remains stretched, with house prices "
                "high relative to incomes and many borrowers facing a jump in payments when "
                "their current fixed-rate deals expire. Rents have continued to rise faster than "
                "wages."
            ),
            (
                "Lenders said competition for borrowers with large deposits was intense, but "
                "that options remained limited for those with smaller savings. A spokesperson "
                "for the building society Greyfield said it planned to expand its range of 95 "
                "per cent mortgages."
            ),
        ],
        "days_ago": 0,
        "hour": 9,
        "image": {
            "caption": "A row of terraced houses with estate agents' boards.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A street of red-brick terraced houses with several For Sale and Sold boards "
                "attached to front walls."
            ),
            "palette": ("#7f5539", "#ede0d4"),
            "motif": "skyline",
        },
        "source": "",
    },
    {
        "slug": "veltrix-opens-chip-plant-in-dresden",
        "title": (
            "Veltrix opens chip plant in Dresden as Europe seeks to cut reliance on Asian suppliers"
        ),
        "section": "technology",
        "tags": ["Semiconductors", "Germany", "European Union", "China"],
        "authors": ["okafor"],
        "standfirst": (
            "The factory will make power chips for electric cars and industrial machinery, and "
            "has been backed by a large state subsidy."
        ),
        "body": [
            (
                "Veltrix Semiconductors has opened a 3 billion euro fabrication plant on the "
                "northern edge of Dresden, adding to a cluster of chipmakers in the region that "
                "locals call Silicon Saxony. The plant will employ about 1,000 people when it "
                "reaches full production in two years."
            ),
            (
                "The factory will make power semiconductors, which control the flow of "
                "electricity in electric vehicles, solar inverters and factory equipment. They "
                "are less advanced than the processors used in smartphones but are in high "
                "demand as industries electrify."
            ),
            (
                "The German government contributed around a third of the cost under a European "
                "scheme intended to double the continent's share of global chip production by "
                "the end of the decade. Critics argue that subsidies on this scale distort "
                "competition and may not be sustainable."
            ),
            (
                "<ul><li>Investment: about 3 billion euros</li><li>Jobs at full production: "
                "around 1,000</li><li>Main products: silicon carbide power chips</li></ul>"
            ),
            (
                "Veltrix's chief operating officer, Sabine Kröger, said the plant would shorten "
                "supply chains for European carmakers, many of which were forced to halt "
                "production lines during the chip shortage a few years ago. The company is still "
                "sourcing some raw wafers from suppliers in Asia."
            ),
        ],
        "days_ago": 16,
        "hour": 11,
        "image": {
            "caption": "Technicians in protective suits inside the Veltrix clean room.",
            "credit": "Photo: Veltrix Semiconductors",
            "alt": (
                "Two technicians in white full-body clean-room suits inspecting silicon wafers "
                "under yellow lighting."
            ),
            "palette": ("#240046", "#ff9e00"),
            "motif": "circuit",
        },
        "source": "",
    },
    {
        "slug": "companies-prepare-for-eu-ai-rules-deadline",
        "title": "Companies race to audit their AI systems as European rules come into force",
        "section": "technology",
        "tags": ["Artificial intelligence", "European Union", "Startups"],
        "authors": ["okafor"],
        "standfirst": (
            "Firms using algorithms to screen job applicants or assess creditworthiness must "
            "show they have tested their systems for bias and errors."
        ),
        "body": [
            (
                "Businesses across Europe are hiring compliance specialists and commissioning "
                "audits of their software as the first obligations under the EU's artificial "
                "intelligence law begin to apply. The rules classify AI systems by risk, with "
                "the strictest requirements for uses that affect people's jobs, finances or "
                "access to public services."
            ),
            (
                "Companies deploying high-risk systems must keep detailed records, ensure human "
                "oversight and be able to explain how decisions are reached. Certain practices, "
                "such as using AI to infer people's emotions in the workplace, are banned "
                "outright."
            ),
            "<h2>Small firms worried</h2>",
            (
                "Start-up founders say the cost of compliance falls disproportionately on "
                "smaller companies without legal departments. An industry association for young "
                "technology firms said its members were spending an average of 80 working days "
                "preparing documentation."
            ),
            (
                "Consumer groups argue the rules do not go far enough and that enforcement will "
                "depend on national regulators that are already stretched. Several countries "
                "have yet to designate which authority will be responsible."
            ),
            (
                "Legal advisers expect the first enforcement actions to focus on clear-cut "
                "breaches rather than complex technical disputes. Fines for the most serious "
                "violations can reach a percentage of a company's global turnover."
            ),
        ],
        "days_ago": 7,
        "hour": 13,
        "image": {
            "caption": "Engineers review code at a software company in Brussels.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "Two people at a desk looking at lines of code on a large monitor in an "
                "open-plan office."
            ),
            "palette": ("#10002b", "#c77dff"),
            "motif": "circuit",
        },
        "source": "",
    },
    {
        "slug": "ransomware-attack-disrupts-hospital-group",
        "title": (
            "Ransomware attack forces hospital group to postpone operations and divert ambulances"
        ),
        "section": "technology",
        "tags": ["Cybersecurity", "Health"],
        "authors": ["okafor", "lindqvist"],
        "standfirst": (
            "Staff have reverted to paper records after criminals encrypted systems used for "
            "blood tests and patient scheduling."
        ),
        "body": [
            (
                "A group of four hospitals in the west of the country has declared a critical "
                "incident after a ransomware attack took down systems used to order blood tests, "
                "book appointments and share scans. Dozens of planned operations have been "
                "postponed and ambulances are being diverted to neighbouring sites."
            ),
            (
                "The trust running the hospitals, Westmarch Health, said it had disconnected "
                "affected systems to stop the malware spreading and was working with the "
                "national cyber security agency. It said there was no evidence yet that patient "
                "data had been taken, though investigations were continuing."
            ),
            (
                "Security researchers said the attack bore the hallmarks of a criminal group "
                "that has targeted healthcare providers in several countries. Such groups "
                "typically encrypt files and demand payment for the key, sometimes also "
                "threatening to publish stolen data."
            ),
            (
                "Health service leaders have warned for years that ageing IT systems leave "
                "hospitals vulnerable. The government said it would publish a review of cyber "
                "resilience across the health service later this year."
            ),
        ],
        "days_ago": 3,
        "hour": 18,
        "image": {
            "caption": "The main entrance of a Westmarch Health hospital.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A modern hospital entrance with glass doors and an ambulance parked under a "
                "canopy at dusk."
            ),
            "palette": ("#03071e", "#e85d04"),
            "motif": "circuit",
        },
        "source": "",
    },
    {
        "slug": "battery-recycling-startup-raises-funding",
        "title": (
            "Battery recycling start-up Loopcell raises 85 million to build its first large plant"
        ),
        "section": "technology",
        "tags": ["Startups", "Energy", "Climate"],
        "authors": ["okafor"],
        "standfirst": (
            "The company says its low-temperature process can recover lithium, nickel and cobalt "
            "from worn-out car batteries more cheaply than smelting."
        ),
        "body": [
            (
                "Loopcell, founded four years ago by a group of chemists from a university "
                "spin-out programme, has raised 85 million in a funding round led by an "
                "infrastructure investor. The money will pay for a plant capable of processing "
                "the batteries of around 20,000 electric cars a year."
            ),
            (
                "Most batteries are currently recycled by shredding them and either smelting the "
                "resulting material or dissolving it in strong acids. Loopcell says its process "
                "uses less energy and recovers a higher share of lithium, which is often lost in "
                "conventional methods."
            ),
            (
                "The first wave of electric vehicles is now reaching the end of its life, and "
                "European rules will soon require new batteries to contain a minimum share of "
                "recycled material. Carmakers are keen to secure supplies of recovered metals to "
                "reduce their reliance on mining."
            ),
            (
                "Co-founder Aisha Benali said the company had signed agreements with two "
                "carmakers to take back batteries from their vehicles. Analysts said the "
                "technology was promising but had yet to be proven at industrial scale."
            ),
        ],
        "days_ago": 24,
        "hour": 7,
        "image": {
            "caption": "Used battery modules awaiting processing at Loopcell's pilot facility.",
            "credit": "Photo: Loopcell",
            "alt": (
                "Stacks of grey electric car battery modules on metal racks in a warehouse with "
                "warning labels."
            ),
            "palette": ("#004b23", "#ccff33"),
            "motif": "circuit",
        },
        "source": "",
    },
    {
        "slug": "satellite-broadband-trial-connects-rural-schools",
        "title": "Satellite broadband trial connects remote schools in the uplands",
        "section": "technology",
        "tags": ["Space", "Education"],
        "authors": ["lindqvist"],
        "standfirst": (
            "Pupils in villages that were beyond the reach of fibre are streaming lessons for "
            "the first time under a two-year pilot."
        ),
        "body": [
            (
                "Twelve primary schools in upland villages have been connected to low-orbit "
                "satellite broadband under a government-funded trial. Head teachers say download "
                "speeds have risen from a few megabits per second to well over a hundred."
            ),
            (
                "The schools were among the hardest to reach with fibre because of their "
                "distance from exchanges and the cost of digging across moorland. The pilot is "
                "intended to test whether satellite links can serve as a long-term alternative."
            ),
            (
                "Teachers say the faster connections allow pupils to join lessons with other "
                "schools, take part in live video calls with scientists and use online learning "
                "platforms without buffering. One head teacher said her school had previously "
                "relied on a single mobile signal that vanished in bad weather."
            ),
            (
                "Astronomers have raised concerns about the growing number of satellites in low "
                "orbit, which can leave streaks on telescope images. The trial's organisers said "
                "they would publish data on reliability and costs at the end of the pilot."
            ),
        ],
        "days_ago": 36,
        "hour": 15,
        "image": {
            "caption": "A satellite dish on the roof of a village school.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "A small white flat satellite dish mounted on the slate roof of a stone "
                "schoolhouse with hills behind."
            ),
            "palette": ("#0d1b2a", "#778da9"),
            "motif": "orbit",
        },
        "source": "",
    },
    {
        "slug": "open-translation-model-for-minority-languages",
        "title": "Researchers release open translation model covering 40 minority languages",
        "section": "technology",
        "tags": ["Artificial intelligence", "Books"],
        "authors": ["lindqvist"],
        "standfirst": (
            "The project, built with community volunteers, aims to help speakers of languages "
            "that large technology companies have largely ignored."
        ),
        "body": [
            (
                "A consortium of universities and language organisations has released a freely "
                "available machine translation model that works with 40 minority and regional "
                "languages, including several spoken by fewer than 100,000 people. The model and "
                "its training data can be downloaded and adapted by anyone."
            ),
            (
                "Commercial translation tools tend to perform poorly on smaller languages "
                "because there is relatively little text available to train them. The consortium "
                "worked with volunteers, publishers and broadcasters to assemble and check "
                "parallel texts."
            ),
            (
                "<blockquote><p>For a language with few speakers, every dictionary and every "
                "translated story matters. We wanted the people who speak these languages to own "
                "the result.</p></blockquote>"
            ),
            (
                "Project lead Dr Ioana Marinescu, who made that case at the launch, said the "
                "model was intended as a tool for translators and teachers rather than a "
                "replacement for them. Early testing suggests it performs best on formal text "
                "such as news and official documents."
            ),
            (
                "The team plans to add more languages next year and is seeking funding to build "
                "speech recognition tools. Some language activists cautioned that technology "
                "alone could not reverse decline without support for teaching and broadcasting."
            ),
        ],
        "days_ago": 55,
        "hour": 10,
        "image": {
            "caption": "Volunteers check translations at a workshop.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A group of people around a table with laptops and printed pages covered in "
                "handwritten corrections."
            ),
            "palette": ("#3c096c", "#e0aaff"),
            "motif": "circuit",
        },
        "source": "",
    },
    {
        "slug": "film-festival-opens-with-debut-drama",
        "title": "Film festival opens with a debut drama about a fishing family on the brink",
        "section": "culture",
        "tags": ["Film", "France"],
        "authors": ["lindqvist"],
        "standfirst": (
            "First-time director Noor Haddad's quietly devastating feature set the tone for a "
            "festival programme dominated by new voices."
        ),
        "body": [
            (
                "The Saint-Malo film festival opened with the world premiere of Low Tide, a "
                "drama about three generations of a fishing family struggling to hold on to "
                "their boat and their house in a fading harbour town. It is the first feature "
                "from director Noor Haddad, who previously made short documentaries."
            ),
            (
                "Haddad cast mostly non-professional actors from the town where the film was "
                "shot, and the performances have an unforced naturalism that carries the story "
                "through its slower passages. The cinematography, all grey water and sodium-lit "
                "quaysides, is striking."
            ),
            (
                "Almost half of the films in the main competition this year are by first- or "
                "second-time directors, a deliberate choice by the festival's new artistic "
                "director, Mathieu Caron. He told an audience at the opening that the festival "
                "should be a place for discovery as well as celebration."
            ),
            (
                "Low Tide has been picked up for distribution in several countries and is "
                "expected to reach cinemas in the spring. The festival runs for ten days, with "
                "the main awards announced at the closing ceremony."
            ),
        ],
        "days_ago": 10,
        "hour": 20,
        "image": {
            "caption": (
                "Director Noor Haddad with members of the cast of Low Tide on the red carpet."
            ),
            "credit": "Photo: Meridian Press Agency",
            "alt": (
                "A smiling woman and four people in formal clothes posing on a red carpet in "
                "front of a festival backdrop."
            ),
            "palette": ("#370617", "#f48c06"),
            "motif": "stage",
        },
        "source": "",
    },
    {
        "slug": "concert-hall-reopens-after-renovation",
        "title": "Concert hall reopens after three-year renovation with improved acoustics",
        "section": "culture",
        "tags": ["Music", "Art"],
        "authors": ["lindqvist"],
        "standfirst": (
            "The city's principal orchestra returned to its home with a programme of Brahms and "
            "a new commission, to a full house and a long ovation."
        ),
        "body": [
            (
                "The Hallworth Concert Hall reopened at the weekend after a renovation that cost "
                "94 million and took a year longer than planned. The auditorium has been "
                "reshaped, with new timber panels and an adjustable canopy above the stage."
            ),
            (
                "Acousticians worked with the architects to improve clarity for the audience in "
                "the upper tiers, which had long complained of a muffled sound. Early reactions "
                "from players and listeners suggest the changes have worked: the strings sound "
                "warmer and the brass no longer overwhelms."
            ),
            (
                "The opening concert included the premiere of Threshold, a 15-minute orchestral "
                "work by composer Isla Brennan that makes playful use of the hall's new spaces, "
                "with brass players positioned in the galleries. It was followed by Brahms's "
                "Second Symphony."
            ),
            (
                "The venue's management said it would offer more affordable tickets and an "
                "expanded education programme as part of the reopening. The overrun in costs was "
                "covered by the city council and a private fundraising campaign."
            ),
        ],
        "days_ago": 27,
        "hour": 22,
        "image": {
            "caption": "The orchestra takes a bow at the reopening concert.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "An orchestra standing on stage in a wood-panelled concert hall with a packed "
                "audience applauding."
            ),
            "palette": ("#5f0f40", "#fb8b24"),
            "motif": "stage",
        },
        "source": "",
    },
    {
        "slug": "literary-prize-shortlist-favours-debut-novels",
        "title": "Three debut novels make the shortlist for the Marlowe Prize for fiction",
        "section": "culture",
        "tags": ["Books", "Migration"],
        "authors": ["lindqvist"],
        "standfirst": (
            "The judges said this year's six books were united by a concern with memory, "
            "migration and the places people leave behind."
        ),
        "body": [
            (
                "Three first novels have been shortlisted for the Marlowe Prize, one of the most "
                "closely watched fiction awards, alongside new books by established writers. The "
                "winner, announced next month, receives 50,000 and usually sees a sharp rise in "
                "sales."
            ),
            (
                "Among the debuts is The Salt Road, a novel in stories following a family of "
                "traders across four decades, and Glasshouse, a tightly plotted thriller set "
                "among the staff of a botanical garden. The third, Small Hours, is a spare "
                "account of a night-shift nurse's week."
            ),
            (
                "The chair of the judges, the critic Helen Osei, said the panel had read more "
                "than 150 books and had argued long over the final six. She said the shortlist "
                "reflected a year in which young writers had taken real risks with form."
            ),
            (
                "Booksellers welcomed the shortlist, saying the presence of several independent "
                "publishers would help smaller presses. All six titles will be promoted in shops "
                "in the run-up to the announcement."
            ),
        ],
        "days_ago": 43,
        "hour": 11,
        "image": {
            "caption": "The six shortlisted novels on display at a bookshop.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "Six hardback novels with colourful covers propped up on a wooden table in a "
                "bookshop window."
            ),
            "palette": ("#582f0e", "#ede0d4"),
            "motif": "stage",
        },
        "source": "",
    },
    {
        "slug": "museum-returns-bronze-sculptures-to-country-of-origin",
        "title": "Museum agrees to return bronze sculptures taken during colonial expedition",
        "section": "culture",
        "tags": ["Art", "Archaeology", "Diplomacy"],
        "authors": ["lindqvist"],
        "standfirst": (
            "Twenty-two works will be handed back after a review concluded they were seized by "
            "force more than a century ago."
        ),
        "body": [
            (
                "The Royal Museum of World Cultures has agreed to return 22 bronze sculptures "
                "and plaques to the West African country from which they were removed during a "
                "punitive military expedition. The trustees said the decision followed a "
                "two-year review of the objects' history."
            ),
            (
                "Researchers traced the objects through army records, auction catalogues and "
                "letters, establishing that all had been taken from a royal palace that was "
                "looted and burned. Some had passed through several private collections before "
                "reaching the museum."
            ),
            (
                "The transfer will take place next year, when a new museum is due to open to "
                "house the works. Curators from both countries are planning a joint programme of "
                "loans and research."
            ),
            (
                "Pressure on European museums to return objects acquired during the colonial era "
                "has grown sharply over the past decade. Some institutions remain constrained by "
                "laws that restrict the disposal of items in national collections."
            ),
        ],
        "days_ago": 20,
        "hour": 9,
        "image": {
            "caption": "A bronze plaque in the museum's collection, due to be returned.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "A detailed bronze relief plaque showing standing figures, lit against a dark "
                "background in a museum display case."
            ),
            "palette": ("#3e1f0d", "#d4a373"),
            "motif": "stage",
        },
        "source": "",
    },
    {
        "slug": "theatre-revival-of-forgotten-comedy-sells-out",
        "title": "Revival of a forgotten 18th-century comedy sells out its entire run",
        "section": "culture",
        "tags": ["Theatre", "Books"],
        "authors": ["lindqvist"],
        "standfirst": (
            "A little-known play about a scheming widow has become the unlikely hit of the "
            "season, and producers are looking for a larger venue."
        ),
        "body": [
            (
                "The Widow's Wager, a comedy first staged in 1764 and rarely performed since, "
                "has sold every ticket for its eight-week run at the Corn Exchange Theatre. "
                "Producers are in talks to transfer the production to a bigger stage in the "
                "capital."
            ),
            (
                "Director Owen Marsh discovered the script in a university library while "
                "researching a book on the period. His production keeps the original text but "
                "adds live music and a cast that frequently breaks the fourth wall."
            ),
            (
                "Critics have praised Rosa Delacroix in the title role, describing her "
                "performance as sharp, funny and surprisingly moving. The play's portrait of a "
                "woman outwitting the men who try to control her fortune has struck a chord with "
                "contemporary audiences."
            ),
            (
                "Theatre managers say classic revivals remain a gamble, but the success shows "
                "there is an appetite for rediscovered work presented with energy. The theatre "
                "has added a handful of matinees to meet demand."
            ),
        ],
        "days_ago": 60,
        "hour": 19,
        "image": {
            "caption": "Rosa Delacroix in The Widow's Wager at the Corn Exchange Theatre.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "An actor in an elaborate 18th-century gown and powdered wig gesturing on a "
                "candlelit stage set."
            ),
            "palette": ("#6a040f", "#ffba08"),
            "motif": "stage",
        },
        "source": "",
    },
    {
        "slug": "musicians-call-for-fairer-streaming-royalties",
        "title": "Musicians call for fairer streaming royalties as parliamentary inquiry opens",
        "section": "culture",
        "tags": ["Music", "Artificial intelligence", "Labour"],
        "authors": ["lindqvist", "okafor"],
        "standfirst": (
            "Artists told MPs they earn a fraction of a penny per play and raised concerns about "
            "computer-generated tracks crowding out human work."
        ),
        "body": [
            (
                "A cross-party committee began hearing evidence on the economics of music "
                "streaming, with songwriters and session musicians describing how their incomes "
                "had fallen even as listening numbers soared. Several said they now relied on "
                "live performance and teaching to make a living."
            ),
            (
                "Streaming services pay rights holders a share of their revenue, which is then "
                "divided between record labels, publishers and artists according to contracts "
                "that can date back decades. Musicians' unions say the system favours the "
                "largest stars and catalogues."
            ),
            (
                "<ul><li>Around 100,000 new tracks are uploaded to major platforms every "
                "day.</li><li>Most artists receive less than a penny per "
                "stream.</li><li>Songwriters typically earn less than performers from each "
                "play.</li></ul>"
            ),
            (
                "Witnesses also raised concerns about tracks generated by software, which they "
                "said were being uploaded in large numbers and diluting the royalty pool. A "
                "representative of a musicians' union, Grace Adeyemi, called for clear labelling "
                "of such content."
            ),
            (
                "Representatives of streaming platforms and labels are due to give evidence next "
                "month. The committee is expected to publish recommendations in the new year."
            ),
        ],
        "days_ago": 2,
        "hour": 16,
        "image": {
            "caption": "A session musician records in a studio.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A guitarist wearing headphones playing in a recording studio, with a mixing "
                "desk visible through a glass window."
            ),
            "palette": ("#22223b", "#c9ada7"),
            "motif": "stage",
        },
        "source": "",
    },
    {
        "slug": "european-lunar-probe-enters-orbit",
        "title": (
            "European lunar probe enters orbit and sends back its first images of the far side"
        ),
        "section": "science",
        "tags": ["Space", "European Union"],
        "authors": ["lindqvist"],
        "standfirst": (
            "The Selene Pathfinder spacecraft will map water ice in permanently shadowed craters "
            "near the Moon's south pole."
        ),
        "body": [
            (
                "Selene Pathfinder, a small spacecraft built by a consortium of European "
                "research institutes and companies, fired its engine for 11 minutes to slip into "
                "orbit around the Moon. Mission controllers in Darmstadt confirmed the manoeuvre "
                "had succeeded about half an hour later."
            ),
            (
                "Within a day the probe had returned its first images, showing the heavily "
                "cratered far side of the Moon in sharp detail. Its main instrument, an infrared "
                "spectrometer, will be switched on next week after a period of testing."
            ),
            "<h2>Hunting for ice</h2>",
            (
                "Scientists believe craters near the lunar poles, where sunlight never reaches "
                "the floor, may hold substantial deposits of frozen water. If it can be "
                "extracted, that water could one day supply drinking water, oxygen and rocket "
                "fuel for crewed missions."
            ),
            (
                "The mission cost less than 150 million euros, a fraction of the price of larger "
                "planetary probes. Its principal investigator, Dr Lena Voss, said it showed that "
                "small spacecraft could produce valuable science at modest cost."
            ),
        ],
        "days_ago": 6,
        "hour": 3,
        "image": {
            "caption": "An image of the lunar far side captured by Selene Pathfinder.",
            "credit": "Image: Selene Pathfinder consortium",
            "alt": "A grey, heavily cratered lunar surface curving against the black of space.",
            "palette": ("#000814", "#ced4da"),
            "motif": "orbit",
        },
        "source": "",
    },
    {
        "slug": "ocean-heat-content-reaches-record-high",
        "title": "Ocean heat content reaches a record high for the fifth year running",
        "section": "science",
        "tags": ["Oceans", "Climate"],
        "authors": ["lindqvist"],
        "standfirst": (
            "The upper 2,000 metres of the world's oceans absorbed more heat last year than in "
            "any year since reliable measurements began."
        ),
        "body": [
            (
                "The amount of heat stored in the upper layers of the world's oceans rose to a "
                "new record, according to an analysis by an international team of "
                "oceanographers. It is the fifth consecutive year in which a record has been "
                "set."
            ),
            (
                "The oceans absorb more than 90 per cent of the excess heat trapped by "
                "greenhouse gases, which makes them a more stable measure of long-term warming "
                "than air temperatures. The data come from thousands of robotic floats that "
                "drift through the water column and report their readings by satellite."
            ),
            (
                "Warmer water expands, contributing to sea-level rise, and fuels more intense "
                "storms. Marine heatwaves have also caused mass bleaching of coral reefs and "
                "disrupted fisheries in several regions."
            ),
            (
                "The authors said the rate of warming had increased over recent decades, and "
                "that the Mediterranean, the North Atlantic and the Southern Ocean had warmed "
                "particularly quickly. They called for sustained funding for the float network, "
                "parts of which rely on short-term research grants."
            ),
        ],
        "days_ago": 12,
        "hour": 14,
        "image": {
            "caption": "A robotic ocean float is deployed from a research vessel.",
            "credit": "Photo: Northlight Images",
            "alt": (
                "Two crew members in orange life jackets lowering a slim yellow cylindrical "
                "float over the side of a ship into the sea."
            ),
            "palette": ("#03045e", "#48cae4"),
            "motif": "waves",
        },
        "source": "",
    },
    {
        "slug": "gene-therapy-trial-restores-some-sight",
        "title": (
            "Gene therapy trial restores some sight to patients with an inherited form of blindness"
        ),
        "section": "science",
        "tags": ["Health", "Biology"],
        "authors": ["lindqvist"],
        "standfirst": (
            "Eleven of 14 volunteers could read more letters on an eye chart a year after a "
            "single injection, researchers report."
        ),
        "body": [
            (
                "A gene therapy for a rare inherited condition that causes the light-sensing "
                "cells of the retina to die has improved vision in most patients in an "
                "early-stage trial. The results were published in a leading medical journal."
            ),
            (
                "The treatment uses a harmless virus to deliver a working copy of the faulty "
                "gene to cells at the back of the eye. It is given as a single injection under "
                "the retina during a short operation."
            ),
            (
                "A year after treatment, 11 of the 14 patients could read at least two more "
                "lines on a standard eye chart, and several reported being able to move around "
                "at dusk without help for the first time in years. Three saw no significant "
                "change."
            ),
            (
                "<ul><li>14 patients aged 12 to 41 took part.</li><li>No serious side-effects "
                "were linked to the therapy.</li><li>A larger trial is due to begin next "
                "year.</li></ul>"
            ),
            (
                "The lead researcher, Professor Samuel Achterberg, cautioned that the results "
                "were preliminary and the treatment would not restore normal sight. Gene "
                "therapies are also extremely expensive, and health systems have struggled to "
                "agree prices with manufacturers."
            ),
        ],
        "days_ago": 18,
        "hour": 10,
        "image": {
            "caption": "A patient undergoes an eye examination after treatment.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A clinician using a slit-lamp microscope to examine the eye of a seated patient "
                "in a darkened clinic room."
            ),
            "palette": ("#4a4e69", "#f2e9e4"),
            "motif": "orbit",
        },
        "source": "",
    },
    {
        "slug": "bronze-age-settlement-found-under-peat-bog",
        "title": "Archaeologists uncover a Bronze Age settlement preserved beneath a peat bog",
        "section": "science",
        "tags": ["Archaeology", "Climate"],
        "authors": ["lindqvist"],
        "standfirst": (
            "Wooden houses, walkways and even food remains have survived for about 3,000 years "
            "in waterlogged ground."
        ),
        "body": [
            (
                "Excavations at a drained peatland site have revealed the remains of at least "
                "nine roundhouses built on wooden platforms, together with walkways, tools and "
                "pottery. Archaeologists say the settlement dates to around 1000BC and was "
                "abandoned after a fire."
            ),
            (
                "Because the peat is waterlogged and low in oxygen, organic material that "
                "usually rots away has survived. The team has found wooden bowls, woven baskets, "
                "textiles and a pot still containing the charred remains of a meal."
            ),
            (
                "The site was discovered when a routine survey ahead of a wetland restoration "
                "project identified timbers in a drainage ditch. The excavation's director, Dr "
                "Fiona Caldwell, said the level of preservation was exceptional."
            ),
            (
                "Archaeologists warn that drying peatlands, caused by drainage and warmer "
                "summers, threaten similar sites elsewhere. Once exposed to air, wood and other "
                "organic remains can decay within a few years."
            ),
        ],
        "days_ago": 30,
        "hour": 12,
        "image": {
            "caption": "Archaeologists excavate timbers at the peatland site.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "Archaeologists kneeling in a muddy trench beside dark preserved wooden posts "
                "and planks, with measuring poles."
            ),
            "palette": ("#463f3a", "#bcb8b1"),
            "motif": "mountains",
        },
        "source": "",
    },
    {
        "slug": "migratory-birds-arriving-earlier-study-finds",
        "title": "Migratory birds are arriving two weeks earlier than in the 1970s, study finds",
        "section": "science",
        "tags": ["Biology", "Climate"],
        "authors": ["lindqvist"],
        "standfirst": (
            "Records kept by volunteer birdwatchers over five decades reveal a steady shift in "
            "the timing of spring arrivals."
        ),
        "body": [
            (
                "Researchers analysed more than 2 million records of first sightings of 38 "
                "migratory species, collected by amateur birdwatchers since the early 1970s. On "
                "average, the birds now arrive about 14 days earlier in spring."
            ),
            (
                "The shift was strongest among short-distance migrants that spend the winter in "
                "southern Europe, which can respond more quickly to warmer conditions. "
                "Long-distance migrants wintering south of the Sahara have changed their timing "
                "less."
            ),
            (
                "Scientists are concerned that some species may be arriving out of step with the "
                "insects their chicks depend on. If caterpillars peak before eggs hatch, parents "
                "can struggle to find enough food."
            ),
            (
                "The study's authors said it showed the value of long-term records kept by "
                "volunteers. They urged birdwatchers to keep logging sightings through online "
                "recording schemes."
            ),
        ],
        "days_ago": 39,
        "hour": 7,
        "image": {
            "caption": "Swallows gather on a telegraph wire.",
            "credit": "Photo: Kestrel Photo",
            "alt": (
                "A row of swallows perched along a telegraph wire against a pale blue morning sky."
            ),
            "palette": ("#1b4332", "#b7e4c7"),
            "motif": "mountains",
        },
        "source": "",
    },
    {
        "slug": "soil-bacteria-yield-new-antibiotic-candidate",
        "title": (
            "Soil bacteria yield a new antibiotic candidate effective against resistant infections"
        ),
        "section": "science",
        "tags": ["Health", "Biology"],
        "authors": ["lindqvist"],
        "standfirst": (
            "The compound killed several drug-resistant bacteria in laboratory tests, but years "
            "of trials lie ahead."
        ),
        "body": [
            (
                "Scientists screening bacteria from soil samples have identified a molecule that "
                "kills a range of drug-resistant microbes, including strains that cause hospital "
                "infections. The compound works by attacking a part of the bacterial cell wall "
                "that existing antibiotics do not target."
            ),
            (
                "Most antibiotics in use today were discovered decades ago, and the number of "
                "new classes reaching the market has dwindled. Meanwhile, resistance has spread, "
                "making some common infections increasingly difficult to treat."
            ),
            (
                "The team grew bacteria that normally refuse to multiply in the laboratory by "
                "using a device that mimics their natural environment. Of thousands of strains "
                "tested, a handful produced compounds with antibacterial activity."
            ),
            "<h2>A long road to the clinic</h2>",
            (
                "The molecule cleared infections in mice without obvious toxicity, but most "
                "antibiotic candidates fail before reaching patients. The researchers said they "
                "were seeking partners to fund further development, which could take a decade."
            ),
            (
                "Public health experts say the economics of antibiotics are a major obstacle, "
                "because new drugs are kept in reserve and sold in small quantities. Several "
                "governments are experimenting with subscription-style payments to reward "
                "companies for developing them."
            ),
        ],
        "days_ago": 50,
        "hour": 16,
        "image": {
            "caption": "Bacterial cultures growing in a laboratory.",
            "credit": "Photo: Newsroom staff",
            "alt": (
                "Gloved hands holding a petri dish with cream and orange bacterial colonies "
                "above a laboratory bench."
            ),
            "palette": ("#2d6a4f", "#d8f3dc"),
            "motif": "circuit",
        },
        "source": "",
    },
]

DRAFT = {
    "slug": "city-council-faces-budget-gap-as-care-costs-rise",
    "title": "City council faces 38 million budget gap as social care costs rise",
    "section": "politics",
    "tags": ["Housing", "Health", "Inflation"],
    "authors": ["okafor"],
    "standfirst": (
        "Councillors are weighing cuts to libraries and street cleaning, and a council tax rise "
        "at the maximum allowed without a referendum."
    ),
    "body": [
        (
            "Ravensworth city council has warned that it faces a gap of 38 million in next "
            "year's budget, driven largely by the rising cost of adult social care and temporary "
            "accommodation for homeless families. Officers have drawn up options for savings "
            "that will go before the cabinet next month."
        ),
        (
            "Spending on care for older and disabled adults now accounts for almost half of the "
            "council's day-to-day budget, up from a third a decade ago. The cost of placing "
            "families in bed and breakfast accommodation has doubled in two years."
        ),
        (
            "Proposals include closing four branch libraries, reducing street cleaning in "
            "residential areas and raising fees for parking and garden waste collection. The "
            "council is also expected to raise council tax by the maximum permitted."
        ),
        (
            "The council's finance lead, Councillor Anita Shah, said the authority had no choice "
            "but to make difficult decisions. [TO ADD: response from opposition group and "
            "unions; figures on reserves from finance report.]"
        ),
    ],
    "image": {
        "caption": "Ravensworth town hall.",
        "credit": "Photo: Newsroom staff",
        "alt": (
            "A Victorian red-brick town hall with a clock tower on a grey afternoon, with people "
            "crossing the square in front."
        ),
        "palette": ("#6c584c", "#dde5b6"),
        "motif": "skyline",
    },
    "source": "",
}

SCHEDULED = {
    "slug": "what-to-watch-for-in-tonights-leaders-debate",
    "title": "Leaders' debate: five things to watch as the candidates go head to head",
    "section": "politics",
    "tags": ["Elections", "Housing", "Inflation"],
    "authors": ["hartmann", "okafor"],
    "standfirst": (
        "With the race still close, tonight's televised debate may be the last chance for either "
        "candidate to change the shape of the campaign."
    ),
    "body": [
        (
            "The two main candidates meet tonight for their only head-to-head debate of the "
            "campaign, a 90-minute broadcast that organisers expect to be watched by millions. "
            "Polls suggest the race remains within the margin of error."
        ),
        (
            "Both campaigns have spent the past week in preparation, rehearsing answers on the "
            "cost of living, housing and the health service. Strategists on each side say they "
            "want to avoid a single memorable mistake more than they hope for a knockout blow."
        ),
        (
            "<ul><li>The cost of living: how each candidate would ease household "
            "bills.</li><li>Housing: the pledges on new homes and rents.</li><li>Health: waiting "
            "lists and funding.</li><li>Tone: who can appear calm under "
            "pressure.</li><li>Undecided voters: who they say they trust afterwards.</li></ul>"
        ),
        (
            "Research on previous campaigns suggests that debates rarely cause large swings in "
            "voting intention, but can matter in close contests by reinforcing impressions of "
            "competence. The broadcasters have agreed strict rules on speaking time."
        ),
        (
            "Our correspondents will be following the debate live and will publish analysis and "
            "a fact check immediately afterwards. The debate begins at 8pm and will be shown on "
            "all main channels."
        ),
    ],
    "hours_ahead": 20,
    "image": {
        "caption": "The debate studio is prepared ahead of the broadcast.",
        "credit": "Photo: Newsroom staff",
        "alt": (
            "Two empty lecterns facing each other on a brightly lit television studio set with "
            "cameras in the foreground."
        ),
        "palette": ("#001d3d", "#ffc300"),
        "motif": "podium",
    },
    "source": "",
}
