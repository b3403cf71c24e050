import type { TFunction } from 'i18next';
import type { HelpTopicId } from './help-paths';

// The help pages (issue 12): one topic per main area, written for the people who use that area. A plain
// module (no React), so the pages and the tests read the same topics; the paths are in help-paths.ts.

export { HELP_TOPIC_IDS, type HelpTopicId, helpPath, helpTopicOfPath, isHelpTopicId } from './help-paths';

/** A part of a help page: a heading and a few short paragraphs. */
export interface HelpSection {
  heading: string;
  paragraphs: string[];
}

/** One help page. */
export interface HelpTopic {
  id: HelpTopicId;
  title: string;
  /** One sentence for the overview: who the area is for and what it does. */
  summary: string;
  sections: HelpSection[];
}

/** Every help topic in the reader's language. */
export function helpTopics(t: TFunction): HelpTopic[] {
  return [
    {
      id: 'zelfscan',
      title: t('Zelfscan'),
      summary: t('Het team kijkt samen waar de school staat op het ontwikkelmodel traumasensitief onderwijs.'),
      sections: [
        {
          heading: t('Waar gaat de zelfscan over?'),
          paragraphs: [
            t('Het ontwikkelmodel heeft groeilagen: kennis over stress en trauma, richting geven als leiding, relaties bouwen en regulatie bevorderen. Elke laag bestaat uit accenten, en elk accent beschrijft vier groeifasen, van een eerste besef bij een deel van het team tot een werkwijze die in de hele school vastligt.'),
            t('Iedere collega kiest per accent de groeifase die nu het best past, of "weet ik niet". Een korte toelichting mag, hoeft niet. Je antwoorden worden meteen bewaard, dus je kunt stoppen en later verder gaan.'),
          ],
        },
        {
          heading: t('Een ronde van begin tot eind'),
          paragraphs: [
            t('De kartrekker of de directie opent een ronde voor een deel van het team of iedereen, met een begin- en einddatum. Wie nog niet klaar is, kan een herinnering krijgen; die zegt nooit wie wat heeft ingevuld.'),
            t('Na de laatste dag, of als de kartrekker de ronde eerder sluit, komen de uitkomsten vrij. Het team bespreekt ze en legt per accent samen een groeifase vast, met een korte onderbouwing. Daaruit kiest het team de doelen voor de komende periode.'),
          ],
        },
        {
          heading: t('Anoniem waar het moet'),
          paragraphs: [
            t('Cijfers van een groep die kleiner is dan de minimale groepsgrootte van het bestuur worden niet getoond, ook niet in een download. Zo is nooit terug te rekenen wat één collega heeft gekozen.'),
          ],
        },
      ],
    },
    {
      id: 'implementatieplan',
      title: t('Implementatieplan'),
      summary: t('De werkgroep zet de doelen uit de zelfscan om in acties, met eigenaren en data.'),
      sections: [
        {
          heading: t('Fasen van de invoering'),
          paragraphs: [
            t('Traumasensitief werken invoeren kost jaren. Het plan volgt vier fasen: verkennen, voorbereiden, uitvoeren en borgen. Per fase zet de werkgroep een begindatum; zo ziet iedereen waar de school nu staat.'),
          ],
        },
        {
          heading: t('Doelen en acties'),
          paragraphs: [
            t('Een doel komt meestal uit de vastgestelde zelfscan. Onder elk doel staan acties met een eigenaar, een datum en een status. Acties over de datum vallen op, en in "Mijn acties" ziet iedere collega wat er op zijn of haar naam staat.'),
            t('De directie, de kartrekkers en de leden van de werkgroep werken het plan bij. De rest van het team kan het lezen zodra de school het plan met het team deelt.'),
          ],
        },
        {
          heading: t('Delen en afdrukken'),
          paragraphs: [
            t('Het plan kan als PDF of spreadsheet mee naar een teamvergadering. Deelt de school het plan met het bestuur, dan ziet het bestuur alleen de fase, hoeveel doelen behaald zijn, hoeveel acties over de datum zijn en welk deel van het team getraind is.'),
          ],
        },
      ],
    },
    {
      id: 'scholingsregister',
      title: t('Scholingsregister'),
      summary: t('Bijhouden wie welke training over traumasensitief onderwijs heeft gevolgd.'),
      sections: [
        {
          heading: t('Waarom een register?'),
          paragraphs: [
            t('Eén studiedag verandert weinig. Een school die verder groeit, laat het hele team de volledige training volgen, schoolt nieuwe collega\'s elk jaar bij en nodigt belangrijke partners uit voor een dag. Het register laat zien hoe ver de school daarmee is.'),
          ],
        },
        {
          heading: t('Nieuwe collega\'s'),
          paragraphs: [
            t('Wie langer dan een door de school gekozen aantal maanden in het team zit zonder de volledige training, staat bij de mensen die nog getraind moeten worden. Dat telt vanaf de startdatum op school, die de beheerder bij het personeel invult of meeneemt in een import.'),
          ],
        },
      ],
    },
    {
      id: 'check-in',
      title: t('Check-in in de klas'),
      summary: t('Leerlingen laten dagelijks in een paar tikken zien hoe het met ze gaat.'),
      sections: [
        {
          heading: t('Zo werkt het voor de leerling'),
          paragraphs: [
            t('Een leerling kiest hoe het nu gaat, als een gevoelsthermometer met kleuren en plaatjes. Daarna kan de leerling aangeven graag even te willen praten en één woord of emoji toevoegen. Jonge kinderen zien weerplaatjes, oudere kinderen hun eigen "raam".'),
            t('Inchecken kan op een eigen apparaat met de klascode en een persoonlijke inlogkaart, of op een gedeeld scherm in de klas waar de leerling op de eigen naam en het eigen plaatje tikt.'),
          ],
        },
        {
          heading: t('Zo werkt het voor de leerkracht'),
          paragraphs: [
            t('De leerkracht ziet alleen de eigen klassen: wie er vandaag is ingecheckt, wie wil praten en welke patronen opvallen. Een signaal is een aanleiding voor een gesprek, nooit een oordeel over een kind. Na het gesprek noteert de leerkracht kort dat het gesprek er is geweest.'),
            t('De klascode verschijnt schermvullend, zonder namen of andere gegevens van de klas, zodat je hem veilig op het digibord kunt laten zien.'),
          ],
        },
        {
          heading: t('Wie ziet wat?'),
          paragraphs: [
            t('Het zorgteam ziet de signalen van de hele school. De directie en de kartrekkers zien alleen anonieme cijfers per klas, en alleen als er genoeg leerlingen zijn ingecheckt. Check-ins worden standaard verwijderd zodra het schooljaar na het jaar waarin ze zijn gedaan voorbij is; alleen de tellingen blijven.'),
          ],
        },
      ],
    },
    {
      id: 'groep',
      title: t('De groep in de klas'),
      summary: t('Het klimaat in de klas inschatten, de groep door zijn fasen begeleiden en met een sociogram zien wie erbij hoort.'),
      sections: [
        {
          heading: t('Klassenklimaat'),
          paragraphs: [
            t('Op de pagina Groep schat je in een paar tikken in hoe de sfeer in de klas is: van gespannen, met veel onrust, tot hecht, waar leerlingen elkaar helpen. Een korte notitie mag erbij. Zo zie je door het jaar heen hoe de groep zich ontwikkelt.'),
            t('De leerkrachten van de klas en het zorgteam lezen de inschattingen en notities; de directie en het bestuur niet. Notities worden versleuteld opgeslagen. Een eigen inschatting kun je ongedaan maken.'),
          ],
        },
        {
          heading: t('Groepsfasen en gouden weken'),
          paragraphs: [
            t('Een groep doorloopt fasen: kennismaken (forming), plek zoeken (storming), afspraken maken (norming), samen verder (performing) en opnieuw beginnen (reforming). Kies de fase waarin je de klas nu ziet; bij elke fase staan vragen om met de klas te bespreken.'),
            t('De eerste zes weken van het schooljaar zijn de gouden weken: wat de groep dan samen afspreekt, zet de toon voor het jaar. In de eerste drie weken na de zomer en de eerste twee weken na de kerstvakantie herinnert de pagina je eraan dat de groep opnieuw begint. Groeiwijzer rekent vanaf de eerste schooldag na de vakantie, zoals die bij de vrije dagen van de school staat.'),
          ],
        },
        {
          heading: t('Sociogram'),
          paragraphs: [
            t('Met een sociogram kiezen leerlingen bij een paar vragen (met wie speel je graag, met wie werk je graag samen) welke klasgenoten ze willen. Ze kiezen op het klasapparaat, op hun eigen apparaat, of op papier, waarna jij het invoert. Niemand kiest zichzelf en niemand kiezen mag ook.'),
            t('Na het afsluiten zie je wie vaak gekozen wordt, wie wederzijds kiest, welke groepjes er zijn en wie door niemand gekozen is, volgens twee erkende methoden naast elkaar. Een leerling die niemand koos, verschijnt een paar weken als signaal bij de check-in. Doe het na een paar weken opnieuw om te zien of wat je deed geholpen heeft.'),
            t('Alleen de leerkrachten van de klas en het zorgteam zien de antwoorden; leerlingen, ouders, directie en bestuur nooit. "Liever niet"-vragen staan uit tot de schoolleiding of het zorgteam ze aanzet.'),
          ],
        },
        {
          heading: t('Regulatie: terug in het raampje'),
          paragraphs: [
            t('Op de pagina Regulatie staan korte activiteiten om weer rustig of juist wakker te worden: ademen, bewegen, iets voelen of horen, spieren ontspannen, ritme, en met woorden het gevoel benoemen of vooruitkijken. Filter op leeftijd, plek en duur, bewaar favorieten voor je klas en plan vaste momenten, bijvoorbeeld na de pauze; die staan op de check-in-pagina van de klas.'),
            t('Checkt een leerling in buiten het raampje, dan biedt de leerlingpagina een korte activiteit aan. Dat mag altijd worden overgeslagen. Daarna kan de leerling met één tik zeggen of het hielp. Per leerling zien de leerkrachten en het zorgteam wat helpt; anderen zien alleen per klas en week hoe vaak het hielp, en alleen als genoeg leerlingen antwoordden.'),
            t('Bij Ken je raampje staan vier korte klassenlessen: wat stress met je lijf doet, het raampje (rustig, te hoog, te laag), merken waar je zit en wat helpt om terug te komen. Kies een klas; je krijgt de versie voor de leeftijd van die klas, met de woorden van jullie eigen check-in. Laat een les op het hele scherm zien, dia voor dia, en sluit af met de vragen. Leg daarna vast dat de les gegeven is. De kartrekkers, de directie en het zorgteam zien bij de uitkomsten van de zelfscan in hoeveel klassen elke les dit schooljaar gegeven is.'),
          ],
        },
      ],
    },
    {
      id: 'ouders-en-partners',
      title: t('Ouders en samenwerkingspartners'),
      summary: t('Ouders uitnodigen op hun ouderpagina, het contact met hen bijhouden vanaf de intake, en de vaste partners van de school.'),
      sections: [
        {
          heading: t('Ouders op hun ouderpagina'),
          paragraphs: [
            t('Ouders hebben geen account nodig. De mentor of het zorgteam voegt een ouder toe bij Ouders en stuurt een eenmalige link: per e-mail, of op een geprinte brief met een QR-code. De link werkt één keer en twee weken lang; een nieuwe link laat de vorige stoppen. Werkt de link niet meer, dan kan de ouder met één knop om een nieuwe vragen; dat ziet u bij de ouder staan.'),
            t('Op de ouderpagina leest de ouder hoe de school traumasensitief werkt, vult vragenlijsten in die de school stuurt, verbetert de eigen gegevens, kiest of het kind meedoet aan onderzoek en vraagt een gesprek aan. Elke vraag mag worden overgeslagen en wat al is ingevuld blijft bewaard. De pagina is er in het Nederlands en Engels, en in talen die de school toevoegt bij Ouderpagina.'),
            t('De vragenlijst over wat het kind heeft meegemaakt en die over de ouder zelf stuurt alleen het zorgteam, en alleen het zorgteam leest de antwoorden; leerkrachten zien niet eens dat ze bestaan. Antwoorden over ingrijpende ervaringen komen als bron "ouders" in het ACE-overzicht van het zorgteam. Mag een ouder niets over het kind zien, bijvoorbeeld door een uitspraak van de rechter, kies dan Afschermen.'),
          ],
        },
        {
          heading: t('Contact met ouders vanaf de intake'),
          paragraphs: [
            t('Leg elk contact met ouders kort vast: wanneer, hoe, met wie en waarover, met zo nodig een datum om erop terug te komen. Het intakegesprek over de levensloop van kind en ouders krijgt een leidraad met vragen om mee te beginnen. Het zorgteam kan eigen notities toevoegen die een leerkracht nooit ziet.'),
            t('Bij de uitkomsten van de zelfscan zien de kartrekkers, de directie en het zorgteam per klas hoeveel leerlingen de laatste drie maanden contact hadden met hun ouders en een intakegesprek hebben gehad, alleen als aantallen.'),
          ],
        },
        {
          heading: t('Samenwerkingspartners'),
          paragraphs: [
            t('Bij Samenwerkingspartners houdt de school bij met welke organisaties ze samenwerkt, zoals Veilig Thuis, het wijkteam, jeugdhulp en de TSO-trainer: de vaste contactpersonen, de afspraken en wie de eendaagse TSO-training volgde. De partners zijn te kiezen bij een verwijzing, en bij de meldcode staat het vaste contact van Veilig Thuis.'),
          ],
        },
      ],
    },
    {
      id: 'leerlingen',
      title: t('Leerlingen en import'),
      summary: t('Leerlingen en klassen overnemen uit de leerlingadministratie en bijhouden door het jaar.'),
      sections: [
        {
          heading: t('Importeren'),
          paragraphs: [
            t('Maak in de leerlingadministratie een export als CSV-bestand en lees die in bij Leerlingen. Je koppelt de kolommen één keer en ziet eerst een voorbeeld met eventuele fouten per regel; pas na bevestigen verandert er iets.'),
            t('Staat er een groep in het bestand die de school nog niet kent, dan vraagt de import of je die klas wilt aanmaken of wilt koppelen aan een bestaande klas.'),
          ],
        },
        {
          heading: t('Door het jaar heen'),
          paragraphs: [
            t('De beheerder kan gegevens van een leerling verbeteren, een leerling naar een andere klas verplaatsen of als vertrokken markeren met een datum. Oud-leerlingen staan apart; vanaf die datum checken ze niet meer in en loopt de bewaartermijn.'),
          ],
        },
      ],
    },
    {
      id: 'team-en-rollen',
      title: t('Team en rollen'),
      summary: t('Collega\'s uitnodigen en ieder precies de rechten geven die bij het werk horen.'),
      sections: [
        {
          heading: t('Rollen'),
          paragraphs: [
            t('Iedereen ziet alleen wat nodig is voor het eigen werk. Een leerkracht ziet de eigen klassen, het zorgteam de signalen van de school, de directie en de kartrekkers sturen de zelfscan en het plan, en de beheerder richt de school in.'),
            t('Een zorgrol geeft toegang tot gevoelige gegevens over leerlingen. Daarom moet een tweede persoon zo\'n rol goedkeuren, en is inloggen in twee stappen verplicht.'),
          ],
        },
        {
          heading: t('Uitnodigen en vertrekken'),
          paragraphs: [
            t('Een uitnodiging gaat per e-mail; zonder mailserver staat het bericht in het postvak en geef je de link zelf door. Vertrekt een collega, blokkeer dan de toegang tot de school: de sessies stoppen direct.'),
          ],
        },
      ],
    },
    {
      id: 'inwerken-en-welzijn',
      title: t('Inwerken, competenties en welzijn'),
      summary: t('Nieuwe collega\'s goed laten landen, werken aan je eigen groei en zorgen voor jezelf en elkaar.'),
      sections: [
        {
          heading: t('Inwerken met een buddy'),
          paragraphs: [
            t('Alles wat een nieuwe collega moet weten staat in één inwerkboek, met een deel per locatie. De nieuwe collega leest elk deel en vinkt aan dat het gelezen is; verandert een deel, dan komt het opnieuw op de lijst.'),
            t('Per locatie is er een chef-buddy. Die koppelt elke nieuwe collega aan een buddy. De buddy steunt, maar neemt geen werk over. Het inwerkschema loopt drie weken: eerst kennismaken, dan een paar taken, dan grotendeels zelfstandig met hulp dichtbij. Aan het eind vult de nieuwe collega een korte evaluatie in; de school ziet de uitkomsten pas als genoeg collega\'s die invulden.'),
          ],
        },
        {
          heading: t('Je eigen competentieprofiel'),
          paragraphs: [
            t('Schat jezelf in op de zeven competenties van een leerkracht in het speciaal onderwijs, noteer waar je dat aan ziet en wat je wilt leren. Alleen jij ziet het. Je kunt het delen met een collega die je coacht of met de directie voor je gesprekscyclus, en dat weer intrekken. De school ziet alleen anonieme aantallen per competentie.'),
          ],
        },
        {
          heading: t('Welzijn, reflectie en intervisie'),
          paragraphs: [
            t('Om de paar weken is er een korte peiling over energie, spanning, steun en herstel. Je antwoorden worden bewaard zonder dat iemand kan zien wat jij antwoordde; het team ziet de uitkomst pas als de peiling gesloten is en genoeg collega\'s meededen.'),
            t('Je reflectielogboek is alleen van jou: niemand anders kan het lezen, ook de school en het bestuur niet. Je kunt het downloaden of wissen. Bij Intervisie leg je bijeenkomsten vast met het thema en het TSO-kernbegrip dat aan bod kwam, zonder namen van leerlingen.'),
          ],
        },
      ],
    },
    {
      id: 'bestuur',
      title: t('Bestuur'),
      summary: t('Het bestuur richt scholen in en ziet alleen wat scholen zelf delen.'),
      sections: [
        {
          heading: t('Wat het bestuur doet'),
          paragraphs: [
            t('De bestuursbeheerder voegt scholen toe, beheert accounts die bij het bestuur horen en kan het postvak en het logboek van de scholen inzien.'),
          ],
        },
        {
          heading: t('Wat scholen delen'),
          paragraphs: [
            t('Een school kiest zelf wat het bestuur ziet: de vastgestelde groeifasen van de zelfscan, anonieme check-in-cijfers per klas en een samenvatting van het plan. Namen van leerlingen en antwoorden van collega\'s ziet het bestuur nooit.'),
          ],
        },
      ],
    },
    {
      id: 'privacy-en-veiligheid',
      title: t('Privacy en veiligheid'),
      summary: t('Hoe Groeiwijzer omgaat met gegevens over kinderen en collega\'s.'),
      sections: [
        {
          heading: t('Zo min mogelijk, zo goed mogelijk beschermd'),
          paragraphs: [
            t('Wat een kind over zichzelf laat zien, hoort alleen bij de mensen die het kind kunnen helpen. Notities en woorden van leerlingen worden versleuteld opgeslagen, en elke keer dat iemand gegevens van leerlingen bekijkt, komt in het logboek.'),
            t('Rollen die gevoelige gegevens zien, loggen in met een tweede stap via een app op de telefoon. Check-ins worden na een vaste termijn verwijderd.'),
          ],
        },
        {
          heading: t('De privacyverklaring van je school'),
          paragraphs: [
            t('Elke school heeft een privacyverklaring die vertelt wat Groeiwijzer bewaart en wie wat ziet. De beheerder van de school kan de standaardtekst aanpassen aan de eigen afspraken, en kan altijd terug naar de standaardtekst. Je vindt de verklaring onderaan elke pagina van je school.'),
          ],
        },
      ],
    },
  ];
}
