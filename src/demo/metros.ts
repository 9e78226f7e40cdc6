/**
 * Metro cores of the synthetic economy: real U.S. metropolitan centres (city-hall coordinates,
 * rounded) with a size weight close to the metro area's employment in 2022 (millions of jobs,
 * rounded) and an annual growth rate of that weight (Sun Belt fast, Rust Belt slow).
 * A few small metros are here only because a category is famously concentrated there
 * (Midland TX oil, Gillette WY coal, Elko NV gold, Dalton GA carpets).
 */
export interface Metro {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** Jobs in the metro in the latest demo year, millions. */
  jobs: number;
  /** Annual growth of the metro's jobs, e.g. 0.02 = 2 % a year. */
  growth: number;
}

export const METROS: readonly Metro[] = [
  { id: 'new-york', name: 'New York', lon: -73.985, lat: 40.758, jobs: 9.6, growth: 0.008 },
  { id: 'los-angeles', name: 'Los Angeles', lon: -118.244, lat: 34.052, jobs: 6.3, growth: 0.006 },
  { id: 'chicago', name: 'Chicago', lon: -87.63, lat: 41.878, jobs: 4.7, growth: 0.004 },
  { id: 'dallas', name: 'Dallas–Fort Worth', lon: -96.797, lat: 32.777, jobs: 4.0, growth: 0.025 },
  { id: 'houston', name: 'Houston', lon: -95.369, lat: 29.76, jobs: 3.3, growth: 0.018 },
  { id: 'washington', name: 'Washington', lon: -77.037, lat: 38.907, jobs: 3.3, growth: 0.01 },
  { id: 'philadelphia', name: 'Philadelphia', lon: -75.165, lat: 39.953, jobs: 3.0, growth: 0.007 },
  { id: 'atlanta', name: 'Atlanta', lon: -84.388, lat: 33.749, jobs: 2.9, growth: 0.02 },
  { id: 'miami', name: 'Miami', lon: -80.192, lat: 25.762, jobs: 2.8, growth: 0.015 },
  { id: 'boston', name: 'Boston', lon: -71.059, lat: 42.36, jobs: 2.8, growth: 0.01 },
  { id: 'san-francisco', name: 'San Francisco', lon: -122.419, lat: 37.775, jobs: 2.5, growth: 0.012 },
  { id: 'phoenix', name: 'Phoenix', lon: -112.074, lat: 33.448, jobs: 2.3, growth: 0.028 },
  { id: 'seattle', name: 'Seattle', lon: -122.332, lat: 47.606, jobs: 2.1, growth: 0.018 },
  { id: 'detroit', name: 'Detroit', lon: -83.046, lat: 42.331, jobs: 2.0, growth: 0.003 },
  { id: 'minneapolis', name: 'Minneapolis–St. Paul', lon: -93.265, lat: 44.978, jobs: 2.0, growth: 0.008 },
  { id: 'riverside', name: 'Riverside–San Bernardino', lon: -117.396, lat: 33.953, jobs: 1.7, growth: 0.02 },
  { id: 'denver', name: 'Denver', lon: -104.99, lat: 39.739, jobs: 1.6, growth: 0.022 },
  { id: 'san-diego', name: 'San Diego', lon: -117.161, lat: 32.716, jobs: 1.5, growth: 0.012 },
  { id: 'tampa', name: 'Tampa', lon: -82.458, lat: 27.951, jobs: 1.4, growth: 0.02 },
  { id: 'st-louis', name: 'St. Louis', lon: -90.199, lat: 38.627, jobs: 1.4, growth: 0.003 },
  { id: 'baltimore', name: 'Baltimore', lon: -76.612, lat: 39.29, jobs: 1.4, growth: 0.005 },
  { id: 'orlando', name: 'Orlando', lon: -81.379, lat: 28.538, jobs: 1.3, growth: 0.025 },
  { id: 'charlotte', name: 'Charlotte', lon: -80.843, lat: 35.227, jobs: 1.3, growth: 0.022 },
  { id: 'portland', name: 'Portland', lon: -122.676, lat: 45.505, jobs: 1.2, growth: 0.015 },
  { id: 'austin', name: 'Austin', lon: -97.743, lat: 30.267, jobs: 1.2, growth: 0.035 },
  { id: 'san-jose', name: 'San Jose', lon: -121.886, lat: 37.338, jobs: 1.2, growth: 0.015 },
  { id: 'san-antonio', name: 'San Antonio', lon: -98.494, lat: 29.424, jobs: 1.1, growth: 0.02 },
  { id: 'pittsburgh', name: 'Pittsburgh', lon: -79.996, lat: 40.441, jobs: 1.1, growth: 0.001 },
  { id: 'cincinnati', name: 'Cincinnati', lon: -84.512, lat: 39.103, jobs: 1.1, growth: 0.007 },
  { id: 'kansas-city', name: 'Kansas City', lon: -94.579, lat: 39.1, jobs: 1.1, growth: 0.009 },
  { id: 'columbus', name: 'Columbus', lon: -82.999, lat: 39.961, jobs: 1.1, growth: 0.012 },
  { id: 'indianapolis', name: 'Indianapolis', lon: -86.158, lat: 39.768, jobs: 1.1, growth: 0.012 },
  { id: 'nashville', name: 'Nashville', lon: -86.781, lat: 36.163, jobs: 1.1, growth: 0.028 },
  { id: 'sacramento', name: 'Sacramento', lon: -121.494, lat: 38.582, jobs: 1.0, growth: 0.015 },
  { id: 'cleveland', name: 'Cleveland', lon: -81.694, lat: 41.499, jobs: 1.0, growth: 0.001 },
  { id: 'las-vegas', name: 'Las Vegas', lon: -115.14, lat: 36.17, jobs: 1.0, growth: 0.025 },
  { id: 'milwaukee', name: 'Milwaukee', lon: -87.906, lat: 43.039, jobs: 0.85, growth: 0.002 },
  { id: 'salt-lake-city', name: 'Salt Lake City', lon: -111.891, lat: 40.761, jobs: 0.8, growth: 0.025 },
  { id: 'raleigh', name: 'Raleigh', lon: -78.639, lat: 35.78, jobs: 0.7, growth: 0.028 },
  { id: 'oklahoma-city', name: 'Oklahoma City', lon: -97.516, lat: 35.468, jobs: 0.65, growth: 0.012 },
  { id: 'memphis', name: 'Memphis', lon: -90.049, lat: 35.15, jobs: 0.65, growth: 0.005 },
  { id: 'hartford', name: 'Hartford', lon: -72.685, lat: 41.764, jobs: 0.6, growth: 0.002 },
  { id: 'new-orleans', name: 'New Orleans', lon: -90.072, lat: 29.951, jobs: 0.55, growth: 0.002 },
  { id: 'birmingham', name: 'Birmingham', lon: -86.802, lat: 33.521, jobs: 0.5, growth: 0.006 },
  { id: 'greenville-sc', name: 'Greenville', lon: -82.394, lat: 34.852, jobs: 0.45, growth: 0.02 },
  { id: 'honolulu', name: 'Honolulu', lon: -157.858, lat: 21.307, jobs: 0.45, growth: 0.005 },
  { id: 'charleston-sc', name: 'Charleston', lon: -79.931, lat: 32.777, jobs: 0.38, growth: 0.025 },
  { id: 'greensboro', name: 'Greensboro–High Point', lon: -79.792, lat: 36.073, jobs: 0.35, growth: 0.006 },
  { id: 'wichita', name: 'Wichita', lon: -97.33, lat: 37.687, jobs: 0.3, growth: 0.004 },
  { id: 'anchorage', name: 'Anchorage', lon: -149.9, lat: 61.218, jobs: 0.17, growth: 0 },
  { id: 'duluth', name: 'Duluth', lon: -92.1, lat: 46.787, jobs: 0.13, growth: 0 },
  { id: 'midland-tx', name: 'Midland', lon: -102.078, lat: 31.997, jobs: 0.12, growth: 0.03 },
  { id: 'charleston-wv', name: 'Charleston (WV)', lon: -81.633, lat: 38.35, jobs: 0.1, growth: -0.01 },
  { id: 'dalton-ga', name: 'Dalton', lon: -84.97, lat: 34.77, jobs: 0.07, growth: -0.005 },
  { id: 'gillette-wy', name: 'Gillette', lon: -105.502, lat: 44.291, jobs: 0.03, growth: -0.01 },
  { id: 'elko-nv', name: 'Elko', lon: -115.763, lat: 40.832, jobs: 0.03, growth: 0.005 },
];
