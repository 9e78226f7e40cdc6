import { isEmbedded } from './shareLinks';
import { decodeDeck, isDeckHash, type DecodedDeck } from '../state/deck';

/** A deck opened from `#deck=…`, waiting for the presentation to exist. */
let deckFromLink: DecodedDeck | string | undefined;

/**
 * Called before the dataset loads, so an embedded page never flashes the full interface. A deck
 * link is read here too: the page opens on its first slide (that slide's hash replaces the deck
 * in the address bar before anything reads it), and the deck fills the presentation's list.
 */
export function applyPageMode(): boolean {
  const embedded = isEmbedded(location.href);
  if (embedded) document.body.classList.add('chromeless', 'embedded');
  if (isDeckHash(location.hash)) {
    try {
      const deck = decodeDeck(location.hash);
      deckFromLink = deck;
      history.replaceState(null, '', `${location.pathname}${location.search}${deck.slides[0]?.hash ?? ''}`);
    } catch (error) {
      deckFromLink = (error as Error).message;
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
  }
  return embedded;
}

/** The deck a link opened (or why it could not be read), handed once to the presentation when its code has arrived. */
export function takeDeckFromLink(): DecodedDeck | string | undefined {
  const deck = deckFromLink;
  deckFromLink = undefined;
  return deck;
}
