/**
 * The word list for memorable passwords: 2189 common, concrete French words that a 10-year-old
 * knows (animals, food, objects, nature, places, games, body, weather, simple adjectives and a few
 * everyday verbs), 3–8 lowercase ASCII letters each, unique.
 *
 * Provenance and licence: written for this project, under the project's own licence. A candidate was kept
 * only if its usual spelling has no diacritic — the 1990 rectified spelling taught in schools lets "ile",
 * "boite", "flute" or "gouter" drop their circumflex — so a child typing the word the way school writes it
 * gets it right. `words/README.md` lists the filtering steps.
 *
 * Why this size: 4 words × log2(2189) + log2(90) for the number ≈ 50.9 bits, above the 50 bits
 * the CNIL asks of a password on a site that limits attempts.
 */
const RAW = `
abeille abri abricot abriter acacia acajou accord acide acier acrobate acteur actrice admirer
adorable affiche affiner agate agenda agent agile agneau agouti agrafe agrume aider aigle aiglon
aiguille ail aimable aimant aimer airelle ajonc ajouter akita alarme albatros album alezan algue
allumer alouette alpaga alphabet alto amande amandier ambre ami amical amie ampoule amulette amusant
amuser anaconda ananas anchois ancien ancre anguille anis anneau anorak antenne antilope aout
appareil aquarium ara arbitre arbouse arbre arbuste arc arcade arceau archipel ardoise argent argile
armoire arroser arrosoir artisan artiste asperge assiette astre atelier atlas atoll atome atout
attacher attraper aube auberge aulne aurore auteur auto autobus autocar automne autour autruche
avaler avenue averse aviateur avion aviron avocat avoine avril axolotl azur
babouin bac badge bagage bagel bague baguette bahut baie bain baklava balai balance balancer balayer
balcon baleine balise balle ballet ballon bambin bambou banane bananier banc bandage bandana bandeau
banjo banlieue banque banquier baobab barbe barbet barbier barboter baril barque barrette bascule
base basilic basket basse basset bassin bassine basson bateau batte batterie baudroie bavard
bavarder bazar beagle beau beige beignet belette belle belouga benne bento berceau bercer berger
bergerie bermuda bernache beurre beurrer biberon biche bichon bidon bijou billard bille billet
biniou biscotte biscuit bison bisque blanc blazer blette bleu bleuet blini blizzard blond blouse
blouson blues bobine bobo bocage bocal boeuf boire bois boite bol bolide bonbon bondir bongo
bonhomme bonnet bosquet bosse botte bottine bouc bouche boucher bouchon boucle boucler bouclier
bougeoir bouger bougie bouillir bouillon boule bouleau boulette boulon bouquet bourdon bourg
bourgeon boussole boutique bouton bouture bowling boxe boxer boxeur bracelet branche bras brasse
brave brebis bretelle bretzel bricoler brie brillant briller brioche brique briquet brise broche
brochet brocoli broder broderie bronze brosse brosser brouette brousse brugnon bruine brume brun
buffet buffle buis buisson bulle bulot bungalow bureau burger burin burrito bus busard but butte
buvard
caban cabane cabanon cabas cabine cabri cacao cachalot cacher cachet cactus caddie cadeau cadenas
cadran cadre cage cagoule cahier caille caillou caisse caissier cajoler cajou cake calamar calcul
calculer calepin calisson calmar calme camarade camion campagne camper camping canal canard canari
cane caneton caniche canicule cannelle canot cantal cantine canyon cap cape capot capsule capturer
capuche capucine car caracal carafe caramel caravane cardigan caresser cargo caribou carillon carlin
carmin carnet carotte carpe carriole carrosse cartable carte carton cascade casier casque cassis
castor cavalier cave caverne ceinture cellier cellule cent centaine cerceau cercle cerf cerise
cerisier cerneau cerveau chacal chahuter chaine chaise chaland chalet chaloupe chambre chameau
chamois champ champion chandail chanson chant chanter chanteur chantier chanvre chapeau chapon char
chardon chargeur chariot charmant charme charrue chat chaton chaud chaudron chausser chausson chef
chemin chemise chenille chercher cheval chevalet cheveu cheville chevreau chevron chic chien chiffon
chignon chili chimie chimiste chiot chips chocolat choisir chorale chorizo chou chouchou chouette
chrono churros chutney cible ciboule ciel cigale cigogne cil cime ciment cinq cintre cirque cisaille
ciseau ciseaux citron civette clair clairon clapet clapier classe classeur clef climat cloche
cloporte clou clown coach cobaye cobra cochon cocker coco cocon cocotier cocotte code coeur coffre
coffret coiffer coiffeur col cola colibri collage collant colle coller colley collier colline
colombe colorer colorier colvert colza combi commode commune compas compost compote compter comptine
comptoir concert condor confit conte conteur cookie cool copain copie copier copine coq coque coquet
coquille cor corail corbeau corde corgi cormoran corner cornet corriger corsaire cosmos costaud
costume coton cou couche coucou coude coudre couette couleur coulis couloir coupe couper couplet
cour courbe coureur courir courlis couronne courrier course court couscous cousin cousine coussin
couteau couvert couvreur cowboy coyote crabe crachin craie crampon crapaud cravate crawl crayon
cresson creuser creux crevette cricket crique criquet cristal crochet croquant croquer croquet
croquis crosse cru crumble cube cueillir cuir cuire cuisine cuisiner cuisse cuivre cumin cupcake
curieux curling curry cuvette cyan cyclamen cyclone cygne cylindre cymbale
dahlia daim dame danse danser danseur danseuse datte dattier dauphin daurade delta demain demi dent
dentelle dentiste dessert dessin dessiner deux deviner devoir diabolo diamant dico digue dindon
dinette dingo dino disco discuter disque dix dizaine docteur document dodo dodu dogue doigt dojo
domaine domino donjon donut dorade dorloter dormir dos dossard douanier double douche doudou
doudoune doux douzaine douze dragon drap drapeau dresseur droit drone dune duo dur duvet
eau edam elfe emmental emporter enclume encre endive enfant enfiler engrais enseigne envoyer
escabeau escalade escalier escargot escarpin escrime espadon espion estomac estuaire explorer
fable fabrique facile facteur faisan faitout falafel falaise fameux fanfare fanion faon farceur
farci farfadet farine faucon fauteuil fauve fauvette favori fennec fenouil fer ferme fermier ferry
feta feuille feutre fiacre ficelle fier figue figuier fil filet fille filleul fitness fjord flacon
flamant flambeau flan flaque fleur fleurir fleuve flocon flotter flute foin fondant fondue fontaine
foot forain forge forgeron fort fossette fossile fouet fouetter fougasse fougueux foulard four
fourche fourgon fourmi frais fraise fraisier frange frangin frein frelon frigo fringant frisbee
frite froid froisser fromage front fruit fuchsia furet furtif fusain fusilli
gadget gagner galaxie galerie galet galette galion galop galoper gamelle gamin gamme gant garage
gardenia gardien gardon gare garrigue gaspacho gaufre gazelle gazon geai gecko gel gemme gencive
gendarme genette genou gentil gerbille gerboise geyser gibbon gilet girafe girafon girolle givre
glace glacier glisser globe glycine gnocchi gnome gnou gobelet golf golfe gomme gommette gondole
gonfler gong goret gorge gorille gouache gouda gouffre goujon goulash gourmand gourmet gousse gouter
goutte goyave gracieux grain graine grand grandir grange granit granita granola grappe grappin
gratin graver grelot grenade grenier gressin griffon grillage grille griller grillon grimace
grimoire grimper griotte gris grive grizzly grotte gruau grue gui guichet guide guidon guimauve
guitare gym
habile habiller hachis haie halle halo hamac hameau hamster hanche handball hangar hanneton hardi
hareng harfang haricot harpe haut hautbois herbe hermine herse heure heureux hibou hier hippo hiver
hochet hockey homard horizon horloge horloger houx hublot huit hummus huppe husky hutte
ibis iceberg igloo iguane ile imaginer immense immeuble impala impasse imper index indigo infusion
instant inventer iris isthme ivoire
jacinthe jade jaguar jambe jambon jardin jardiner jars jasmin jaspe jaune jazz jean jet jeu jeudi
jeune jockey jogging joker joli jonc jongler jongleur jonque joue jouer jouet joueur jour journal
jovial joyeux judo juillet juin jumeau jumelle jument jungle jupe jupiter jupon jus juste juteux
kaki kayak kazoo kebab kefir kendo ketchup kilt kimono kiosque kiwi klaxon koala korrigan koudou
kumquat
labo labrador lac lacer lacet lagon lagune laine lait laiton laitue lama lamantin lampe lampion
lamproie lancer lande langue lanterne lapereau lapin lapine lardon large larme larve lasagne laser
lasso latte lavabo lavande lave laver laverie lecture legging lemming lent lentille lessive lettre
levraut libraire libre lichen licorne lierre ligne lilas limace limande lime limonade limpide lin
linotte lion lionceau lionne lire liseron lisse lit litchi livre logo loir lombric long lori loriot
losange loto lotte lotus louche loup loupe lourd loutre louve loyal lucide luciole luge lumineux
lundi lune lunette lupin lustre luth luthier lutin lutte lynx lyre lys
macareux macaron magasin magazine magenta magicien magie magique magnolia mai maillet maillot main
mainate maison maitre maki malin malle maman mamie mammouth manchot manette manger mangue manguier
manoir mante manteau manuel maquette maquis maracas marais marathon marbre marchand marche marcher
mardi mare marelle marin marina marine marmite marmotte marraine marrant marron mars marsouin
marteau martien martinet masque massif match matelas matelot matin mauve mayo melon menthe menton
mer mercredi mercure merguez meringue merlan merle merlu mesurer meuble meule meunier miche micro
microbe midi mie miel mignon mijoter mikado milan mille milliard million mime mimer mimosa minuit
minute minuteur miroir mitaine mixer mixeur mobile mocassin modeler moderne modeste moelleux moineau
mois mollet moniteur mont montagne monter montre moquette morille morse mot moteur moto mou mouche
mouchoir mouette moufle mouflon mouler moulin mousse mousson mouton muesli muet muffin muguet mulet
mulot munster muscade muscle musicien mustang myosotis myrtille
nacre nage nager nageur nappe napperon narcisse narine narval natation natte nautile navet navette
naviguer navire nectar neige neptune nettoyer neuf neurone neveu nez niche nichoir niveau noble
noeud noir noisette noix nombril normal note noter nouer nougat nouille nounours nourrir nouveau
novembre noyau noyer nuage nugget nuit nuque
oasis observer ocelot ocre octet octobre oeuf offrir ogre oie oignon oison okapi olive ombrelle
omelette oncle onde ongle onyx onze opale opaque opossum orage orange oranger oreille oreiller orge
orgue origami origan orignal orme orque orteil ortie oryx oseille osier osselet otarie ouistiti
ouragan ourlet ours ourse oursin ourson outarde outil ouvrier ouvrir ovale
paella pagaie pagayer page pagne paille pain paisible palais palet palette palier palmier palourde
pampa panais pancake panda pangolin panier panini panneau pantalon paon papa papaye papi papier
papillon papoter paprika papyrus paquebot parasol paravent parc parcours pareil parfait parfum parka
parking parme parmesan parquet parrain partager partie parvis passage passoire pastel pastille
patate patin patinage patiner patio paume pavillon paysage paysan peau peigne peigner peignoir
peindre peintre peinture pelle pelouse peluche penalty penderie pendule penne penser pensif pepin
perceuse perche perdrix pergola perle perruche persan persil peser pesto petit peuplier phalange
phare phasme phoque photo physalis piano pichet picorer pie pied pierre pieuvre pigeon pignon pika
pilaf pile pilote piloter piment pimpant pin pince pinceau pingouin pinson pintade pioche piolet
pion pipeau piquant pique piquet piranha pirate pirogue piscine pistache piste pistou pivert pivoine
pixel pizza placard place placide plafond plage plaine planche plancher plancton planer planeur
plante planter plat platane plateau platine plein plier plomb plombier plongeon plonger plongeur
pluie plume plumeau pluton pneu poche pochette pochoir podium poignet poil poing point pointu poire
poireau poirier pois poisson poivre poivron polenta poli policier pollen polo pomelo pomme pommette
pommier pompe pompier pompon ponceuse poncho poney pont ponton popcorn porcelet porridge port
portail porte porter portrait poste poster pot potage potager poterie potier potion potiron poubelle
pouce poulain poule poulet pouliche poulie poulpe poumon poupon pourpre pousse pousser poussin
poutre prairie pralin praline pratique presse prince prisme prof promener propre prudent prune
prunier puce puceron pudding puissant pull pulpe puma pupitre putois puzzle pyjama pyramide python
quad quai quarante quartier quartz quatorze quatre quatuor quenelle quetsche quiche quille quinoa
quinze
rabot racine raclette raconter radar radeau radieux radio radis rafale ragondin raie rail rainette
raisin rallye ramasser rame rameau ramen ramer rampe ranch rando ranger rap rapace rapide raquette
rare rascasse rasoir ravi raviole ravioli rayon rebondir record recycler refrain refuge regarder
reggae rein reine relais remise remorque remplir remuer renard renarde renne reporter requin
respirer ressort revue rhino rhubarbe rideau rieur rigoler rigolo rillette ring rire risotto rivage
rive riz robe robinet robot robuste roc roche rocher rock roi roitelet roller roman romarin ronce
ronchon rond roquette rose roseau rotin rotor roue rouge rouget rouleau rouler roulotte route ruban
rubis ruche rue ruelle rugby rugueux ruisseau ruser rutabaga rythme
sable sablier sabot sac sachet safran sage saison salade saladier salami salle salon salsa salsifis
samba samedi samoussa sandale sandre sandwich sanglier saphir sapin sardine sarong saturne sauce
saucisse sauge saule saumon saut sauter sauvage savane savon savourer saxo scie scooter score
scorpion sculpter seau sec seconde secouer secret seiche seigle seize sel selle semaine semer semis
semoir semoule sentier sept serin serpe serpent serre serrure serval serveur service sextant short
siamois sieste siffler sifflet signal silex silo silure simple singe sirop siroter sitar sittelle
six skate ski skier skieur slalom smash smoothie soda soeur sofa soie soigneux soir soixante soja
sole soleil solide solo sommet sonde songeur sonnette sorbet sorcier souche souci soucoupe souffle
souffler soupe souple source sourcil sourire souris soyeux spatule sphynx spirale sport sportif
sprint square squash stable stade station statue steak steppe sterne sticker store strudel studio
styliste stylo subtil sucette sucre sucrer sucrier sumo super superbe sureau surf surfer surfeur
suricate sushi sweat sympa
table tableau tablette tablier tabouret tacos taille tailler tailleur taillis tajine talc talon
talus tamanoir tambour tamis tamiser tampon tanche tandem tango taon tapenade tapioca tapir tapis
taquin tarte tartine tartiner tasse tatami tatou taupe taureau taxi techno teckel tempe tempura
tenace tenaille tendre tenir tennis tenon tente tenture termite terrain terrasse terre terreau
terrier terrine thym ticket tigre tilleul timbale timide tipi tiramisu tirelire tiroir tisane tisser
tissu toast toboggan tofu toge toile toilette toit tomate tomme tondeuse tonneau tonnerre tonton
topaze toque torche torchon tornade torrent tortilla tortue totem toucan touffu toundra toupie tour
tourner tourte tourteau tracer tracteur train trait tram treillis treize tremble tremplin trente
tresse tresser treuil triangle tricot tricoter tricycle trier trio triple triton trois trombone
tronc trot trotter trousse trouver truelle truffe truite tuba tube tuile tulipe tunnel turban turbo
turbot tuteur tutu tuyau typhon
uniforme univers usine utile
vache vague vaillant valet valise vallon valse vanille vanneau vase vautour veau veille velours velu
vendeur vendredi vent ventouse ventre ver verdier verger verglas vernir verre verrou verser vert
veste victoire vielle vif vigne vigneron villa village ville vingt vinyle violet violette violon vis
visage visiter vison visseuse vitrail vitre vitrier vivant voile voilier voisin voisine voiture voix
volant volcan volet volley volt vorace voyager voyageur vrai vrille
wagon wapiti wasabi watt wok
xylo
yacht yack yak yaourt yoga yourte yoyo
zephyr zeppelin zeste zigzag zinc zinnia zip zodiac zone zoo
`;

export const WORDS_FR: readonly string[] = Object.freeze(RAW.split(/\s+/).filter((w) => w !== ''));
