import { SearchBox } from '@/components/SearchBox';

export function App() {
  return (
    <main>
      <h1>Gloss</h1>
      <SearchBox />
    </main>
  );
}
