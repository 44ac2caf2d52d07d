import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { navigate } from '../lib/router';

cytoscape.use(dagre);

export interface GraphNode {
  id: string;
  label: string;
  /** The actor at the centre (or the chain's root): drawn larger. */
  root?: boolean;
  farm?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** A label break: drawn red and dashed. */
  broken?: boolean;
  width?: number;
}

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** dagre: the chain as a DAG, left to right; cose: the neighbourhood, force-directed. */
  layout: 'dagre' | 'cose';
  label: string;
}

/**
 * A Cytoscape graph (canvas). Canvas is invisible to screen readers: every view that draws one also
 * lists the same nodes and edges as text. A tap on a node opens that actor's card.
 */
export function GraphView({ nodes, edges, layout, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...nodes.map((node) => ({
          data: { id: node.id, label: node.label },
          classes: [node.root ? 'root' : '', node.farm ? 'farm' : ''].join(' '),
        })),
        ...edges.map((edge) => ({
          data: { id: edge.id, source: edge.source, target: edge.target, label: edge.label, width: edge.width ?? 2 },
          classes: edge.broken ? 'broken' : '',
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 10,
            'text-wrap': 'wrap',
            'text-max-width': '110px',
            'text-valign': 'bottom',
            'background-color': '#3d6b8f',
            width: 14,
            height: 14,
          },
        },
        { selector: 'node.root', style: { 'background-color': '#b3261e', width: 22, height: 22 } },
        { selector: 'node.farm', style: { 'background-color': '#2e7d4f' } },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'line-color': '#8a8f98',
            'target-arrow-color': '#8a8f98',
            label: 'data(label)',
            'font-size': 8,
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
          },
        },
        { selector: 'edge.broken', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'line-style': 'dashed' } },
      ],
      layout:
        layout === 'dagre'
          ? ({ name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 120 } as cytoscape.LayoutOptions)
          : { name: 'cose', animate: false },
    });
    cy.on('tap', 'node', (event) => navigate(`/acteurs/${encodeURIComponent(event.target.id() as string)}`));
    return () => cy.destroy();
  }, [nodes, edges, layout]);
  return <div ref={container} className="graph" role="img" aria-label={label} />;
}
